// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.it.Deployments;
import dev.signet.it.glassfish.keysdb.KeysDbApplication;
import dev.signet.it.glassfish.keysdb.KeysDbSettings;
import dev.signet.it.scenarios.HandSignedRequest;
import dev.signet.provider.keys.jdbc.ConnectionSource;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import dev.signet.provider.testing.PostgresCluster;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDBC key store on GlassFish 7 through GlassFish's own pooled DataSource: the WAR defines
 * {@code java:app/jdbc/signet-keys} in web.xml (a {@code <data-source>} over the PostgreSQL driver in the domain's
 * lib folder),
 * names it in {@code signet.keys.jdbc.datasource}, and the keys live in a real PostgreSQL 15 that the test JVM
 * starts on 127.0.0.1 (PostgresCluster). A revocation in the database is refused within the cache period.
 */
@ExtendWith({PostgresCluster.StopAtEnd.class, ArquillianExtension.class})
@RunAsClient
class JdbcKeysOnGlassFishIT {

    private static final String SECRET = "glassfish-jdbc-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static String database;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        database = cluster.newDatabase();
        JdbcKeyStore store = new JdbcKeyStore(ConnectionSource.url(cluster.url(database), cluster.user(), cluster.password()));
        store.createSchema();
        store.add(ApiKey.builder("gf-reader").secret(SECRET).scopes("db:read").build());
        store.add(ApiKey.builder("gf-revoked-later").secret(SECRET).scopes("db:read").build());

        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>%s</name>
                    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                    <server-name>127.0.0.1</server-name>
                    <port-number>%d</port-number>
                    <database-name>%s</database-name>
                    <user>%s</user>
                    <password>%s</password>
                  </data-source>
                </web-app>
                """.formatted(KeysDbSettings.DATASOURCE, cluster.port(), database, cluster.user(), cluster.password());
        // The driver is in domain1/lib (the build puts it there), where GlassFish's pools load it.
        return Deployments.war("keysdb")
                .addPackage(KeysDbApplication.class.getPackage())
                .setWebXML(new StringAsset(webXml));
    }

    @Test
    void aKeyInPostgresVerifiesThroughGlassFishsDataSource() throws Exception {
        HttpResponse<String> signed = get("gf-reader");
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("{\"caller\":\"gf-reader\"}", signed.body());
        assertEquals(401, get("not-in-the-database").statusCode());
    }

    @Test
    void aRevocationInTheDatabaseIsRefusedWithinTheCachePeriod() throws Exception {
        assertEquals(200, get("gf-revoked-later").statusCode());
        PostgresCluster cluster = PostgresCluster.shared();
        try (Connection c = cluster.connect(database)) {
            c.createStatement().executeUpdate("UPDATE signet_keys SET status = 'revoked' WHERE key_id = 'gf-revoked-later'");
        }
        long committed = System.nanoTime();
        int status;
        while ((status = get("gf-revoked-later").statusCode()) == 200) {
            assertTrue(System.nanoTime() - committed < 3_000_000_000L, "still accepted 3 s after the revocation");
            Thread.sleep(50);
        }
        assertEquals(403, status, "canonical-nonce answers a revoked key with 403");
    }

    private HttpResponse<String> get(String keyId) throws Exception {
        HttpRequest request = HandSignedRequest.of("canonical-nonce", "GET", base.toURI().resolve("api/db/hello"))
                .key(keyId, SECRET).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
