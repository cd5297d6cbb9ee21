// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.LogCapture;
import dev.signet.provider.testing.PostgresDatabase;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestJndi;
import dev.signet.provider.testing.TestSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server with no KeyRepository bean, whose keys are in PostgreSQL (a real 15, started by the test): by URL
 * and by a JNDI DataSource, cached, with a revocation refused within signet.keys.jdbc.cache-seconds.
 */
class JdbcKeysServerTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final String SECRET = "jdbc-secret-0123456789";

    @BeforeAll
    static void keys() {
        JdbcKeyStore store = new JdbcKeyStore(db.connections());
        for (String id : new String[] {"by-url", "by-jndi", "to-revoke", "to-disable"}) {
            store.add(ApiKey.builder(id).secret(SECRET).scopes("items:read").build());
        }
    }

    private static SignetTestServer server(Map<String, String> settings) {
        return SignetTestServer.start(TestSettings.withoutKeysBean(settings, null), SignetTestServer.CONTEXT,
                SignetTestServer.APPLICATION, EchoResource.class);
    }

    private static Map<String, String> byUrl(String... more) {
        Map<String, String> settings = new HashMap<>(db.urlSettings());
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    private static HttpResponse<String> get(SignedHttp http, String keyId) {
        return http.get("/default/get").signed(Presets.CANONICAL_NONCE, ApiKey.of(keyId, SECRET)).send();
    }

    @Test
    void aKeyInTheDatabaseVerifiesByUrl() {
        try (SignetTestServer server = server(byUrl())) {
            SignedHttp http = new SignedHttp(server.baseUri());
            assertEquals(200, get(http, "by-url").statusCode());
            assertEquals(401, get(http, "not-in-the-database").statusCode());
        }
    }

    @Test
    void aRevokedKeyIsRefusedWithinTheCachePeriod() throws Exception {
        try (SignetTestServer server = server(byUrl("signet.keys.jdbc.cache-seconds", "1"))) {
            SignedHttp http = new SignedHttp(server.baseUri());
            assertEquals(200, get(http, "to-revoke").statusCode());
            assertEquals(200, get(http, "to-disable").statusCode());
            db.execute("UPDATE signet_keys SET status = 'revoked' WHERE key_id = 'to-revoke'");
            db.execute("UPDATE signet_keys SET status = 'disabled' WHERE key_id = 'to-disable'");
            long committed = System.nanoTime();
            // canonical-nonce (seed 004) answers a key's status with 403
            for (String id : new String[] {"to-revoke", "to-disable"}) {
                int status;
                while ((status = get(http, id).statusCode()) == 200) {
                    assertTrue(System.nanoTime() - committed < 2_000_000_000L, id + " still accepted 2 s after the change");
                    Thread.sleep(20);
                }
                assertEquals(403, status);
            }
            long refusedAfterMillis = (System.nanoTime() - committed) / 1_000_000;
            System.out.println("revocation refused after " + refusedAfterMillis + " ms");
            assertTrue(refusedAfterMillis <= 2_000, "refused after " + refusedAfterMillis + " ms");
        }
    }

    @Test
    void aJndiDataSourceIsUsedAndALookupIsNotAQueryPerRequest() {
        AtomicInteger connections = new AtomicInteger();
        DataSource real = db.dataSource();
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TestJndi.bind("java:app/jdbc/signet-keys", counting);
        try (SignetTestServer server = server(Map.of("signet.keys.jdbc.datasource", "java:app/jdbc/signet-keys",
                "signet.keys.jdbc.cache-seconds", "60"))) {
            SignedHttp http = new SignedHttp(server.baseUri());
            for (int i = 0; i < 20; i++) {
                assertEquals(200, get(http, "by-jndi").statusCode());
            }
            assertEquals(1, connections.get(), "20 requests, one lookup");
        } finally {
            TestJndi.unbind("java:app/jdbc/signet-keys");
        }
    }

    @Test
    void anUnreachableDatabaseRefusesWith503AndNeverLogsThePassword() {
        Map<String, String> settings = Map.of("signet.keys.jdbc.url", "jdbc:postgresql://127.0.0.1:1/none",
                "signet.keys.jdbc.user", "signet", "signet.keys.jdbc.password", "hunter2-db-password");
        try (LogCapture log = new LogCapture(); SignetTestServer server = server(settings)) {
            HttpResponse<String> response = get(new SignedHttp(server.baseUri()), "by-url");
            assertEquals(503, response.statusCode(), response.body());
            assertFalse(response.body().contains("hunter2"));
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("JDBC URL jdbc:postgresql://127.0.0.1:1/none")),
                    "the start-up line names the store");
            log.lines().forEach(line -> assertFalse(line.contains("hunter2"), line));
        }
    }

    @Test
    void anUnboundGlobalJndiNameFailsTheDeploymentNamingTheSetting() {
        String message = failure(Map.of("signet.keys.jdbc.datasource", "java:global/jdbc/missing"));
        assertTrue(message.contains("signet.keys.jdbc.datasource=java:global/jdbc/missing"), message);
    }

    @Test
    void anApplicationNameNotYetBoundAtTheStartIsLookedUpAtTheFirstRequest() {
        try (LogCapture log = new LogCapture();
                SignetTestServer server = server(Map.of("signet.keys.jdbc.datasource", "java:app/jdbc/later"))) {
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("java:app/jdbc/later") && l.contains("first signed request")),
                    "the start warns");
            SignedHttp http = new SignedHttp(server.baseUri());
            assertEquals(503, get(http, "by-jndi").statusCode(), "not bound yet: refused, not accepted");
            TestJndi.bind("java:app/jdbc/later", db.dataSource());
            assertEquals(200, get(http, "by-jndi").statusCode());
        } finally {
            TestJndi.unbind("java:app/jdbc/later");
        }
    }

    @Test
    void aUrlAndAJndiNameTogetherFailTheDeployment() {
        String message = failure(byUrl("signet.keys.jdbc.datasource", "java:app/jdbc/x"));
        assertTrue(message.contains("not both"), message);
    }

    @Test
    void aKeyFileBesideJdbcFailsTheDeployment() {
        String message = failure(byUrl("signet.keys.file", "/tmp/keys.json"));
        assertTrue(message.contains("signet.keys.file") && message.contains("not both"), message);
    }

    @Test
    void aUrlNoDriverTakesFailsTheDeploymentWithoutShowingItsParameters() {
        String message = failure(Map.of("signet.keys.jdbc.url", "jdbc:nosuchdb://h/db?password=hunter2-in-url"));
        assertTrue(message.contains("jdbc:nosuchdb://h/db") && message.contains("driver"), message);
        assertFalse(message.contains("hunter2"), message);
        String notJdbc = failure(Map.of("signet.keys.jdbc.url", "postgresql://h/db?password=hunter2-in-url"));
        assertTrue(notJdbc.contains("signet.keys.jdbc.url=(hidden)") && notJdbc.contains("jdbc:"), notJdbc);
        assertFalse(notJdbc.contains("hunter2"), notJdbc);
    }

    @Test
    void aCacheOfMoreThanFiveMinutesFailsTheDeployment() {
        String message = failure(byUrl("signet.keys.jdbc.cache-seconds", "3600"));
        assertTrue(message.contains("signet.keys.jdbc.cache-seconds=3600"), message);
    }

    private static String failure(Map<String, String> settings) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> server(settings).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
