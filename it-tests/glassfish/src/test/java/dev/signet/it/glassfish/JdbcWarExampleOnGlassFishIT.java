// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.it.glassfish.warexample.ShippedSettingsOnly;
import dev.signet.it.scenarios.HandSignedRequest;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * examples/war-example's JDBC variant as shipped (target/signet-war-example-jdbc.war, copied here by the build)
 * on GlassFish 7 with its bundled Derby, following the example's README: {@code asadmin start-database}, the
 * tables and one key through the distribution's {@code ij} (the provider's schema-derby.sql), then the WAR,
 * whose settings name {@code jdbc/__default}. The only addition to the WAR is {@link ShippedSettingsOnly}, which
 * shields it from this test domain's server-wide settings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JdbcWarExampleOnGlassFishIT {

    private static final String KEY_ID = "client-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static BundledDerby derby;
    private static String secret;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        derby = BundledDerby.fromSystemProperties();
        derby.start();
        secret = "war-example-" + UUID.randomUUID();
        derby.ij(keyTablesAndOneKey(schemaFile(), KEY_ID, secret));

        WebArchive shipped = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("it.war-example.jdbc")));
        // "transfers.war": the context root the README deploys with (asadmin deploy --contextroot transfers).
        return ShrinkWrap.create(WebArchive.class, "transfers.war").merge(shipped).addClass(ShippedSettingsOnly.class);
    }

    @AfterAll
    static void stopDerby() throws Exception {
        if (derby != null) {
            derby.stop();
        }
    }

    /** The README's ij input, word for word but for the schema file's path and the secret. */
    static String keyTablesAndOneKey(Path schema, String keyId, String secret) {
        return """
                connect '%s';
                run '%s';
                INSERT INTO signet_keys (key_id) VALUES ('%s');
                INSERT INTO signet_key_secrets (key_id, secret) VALUES ('%s', '%s');
                INSERT INTO signet_key_scopes (key_id, scope) VALUES ('%s', 'transfer:read'), ('%s', 'transfer:create');
                exit;
                """.formatted(BundledDerby.URL, schema, keyId, keyId, secret, keyId, keyId);
    }

    @Test
    void aKeyInGlassFishsBundledDerbyVerifiesAndTheResourceAnswers() throws Exception {
        HttpResponse<String> list = send(HandSignedRequest.of("canonical-nonce", "GET", transfers()).key(KEY_ID, secret));
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("{\"caller\":\"client-1\",\"transfers\":[]}", list.body());

        byte[] body = "{\"amount\":\"100.00\",\"to\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> create = send(HandSignedRequest.of("canonical-nonce", "POST", transfers())
                .key(KEY_ID, secret).body(body));
        assertEquals(200, create.statusCode(), create.body());
        assertEquals("{\"caller\":\"client-1\",\"accepted\":\"{\\\"amount\\\":\\\"100.00\\\",\\\"to\\\":\\\"alice\\\"}\"}",
                create.body());
    }

    @Test
    void aKeyThatIsNotInTheDatabaseIsRefusedWithTheSchemesErrorCode() throws Exception {
        HttpResponse<String> refused = send(HandSignedRequest.of("canonical-nonce", "GET", transfers())
                .key("client-unknown", secret));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"success\":false"), refused.body());
        assertTrue(refused.body().contains("\"code\":\"GA2011\""), refused.body());
        assertTrue(refused.body().contains("\"message\":\"API_KEY_NOT_FOUND\""), refused.body());
        // The realm of the WAR's own settings file: the example's settings are the ones in force.
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("realm=\"transfers\"") && challenge.contains("canonical-nonce"), challenge);
    }

    @Test
    void aKeyIdWiderThanTheKeyIdColumnIsAnUnknownKeyNotADatabaseError() throws Exception {
        // 250 characters: a well-formed header (at most 256), but wider than key_id's 200, which Derby would
        // answer with a truncation error (a 503) if the query were sent.
        HttpResponse<String> refused = send(HandSignedRequest.of("canonical-nonce", "GET", transfers())
                .key("k".repeat(250), secret));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"GA2011\""), refused.body());
    }

    private java.net.URI transfers() throws Exception {
        return base.toURI().resolve("api/transfers");
    }

    private static HttpResponse<String> send(HandSignedRequest request) throws Exception {
        HttpRequest built = request.build();
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
    }

    /** The provider's schema-derby.sql, from the provider jar on the class path, as a file ij can run. */
    private static Path schemaFile() throws Exception {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "schema-derby.sql");
        try (InputStream in = JdbcWarExampleOnGlassFishIT.class.getClassLoader()
                .getResourceAsStream("META-INF/signet/schema-derby.sql")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
