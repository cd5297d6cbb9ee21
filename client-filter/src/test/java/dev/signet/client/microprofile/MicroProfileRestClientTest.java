// SPDX-License-Identifier: Apache-2.0
package dev.signet.client.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.client.JdkVerifyingServer;
import dev.signet.client.ReceivedExchange;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MicroProfile Rest Client typed interfaces signed by {@link MicroProfileSigningFeature}, with settings from
 * MicroProfile Config, in process: RESTEasy's MicroProfile Rest Client 2.1 (the one WildFly ships) and
 * SmallRye Config, against a JDK HTTP server that verifies with core's pipeline. Runs in its own Surefire
 * execution, without Jersey on the class path (two Jakarta REST implementations cannot share one).
 */
class MicroProfileRestClientTest {

    private static final String SECRET = "mp-secret-0123456789abcdef";

    @Path("/transfers")
    @RegisterProvider(MicroProfileSigningFeature.class)
    public interface Transfers {
        @POST
        @Consumes("application/json")
        @Produces("application/json")
        String create(String json);

        @GET
        @Path("{id}")
        @Produces("application/json")
        String get(@PathParam("id") String id);
    }

    /**
     * No provider on the interface. (Registration by {@code <interface>/mp-rest/providers} applies to clients
     * that CDI injects, so RestClientOnPayaraMicroIT proves it on a server.)
     */
    @Path("/transfers")
    public interface PlainTransfersPost {
        @POST
        @Consumes("application/json")
        @Produces("application/json")
        String create(String json);
    }

    @TempDir
    java.nio.file.Path directory;

    private Config registered;

    private void config(Map<String, String> values) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        registered = resolver.getBuilder().withSources(new MapSource(values)).build();
        resolver.registerConfig(registered, Thread.currentThread().getContextClassLoader());
    }

    @AfterEach
    void release() {
        if (registered != null) {
            ConfigProviderResolver.instance().releaseConfig(registered);
        }
    }

    @Test
    void aTypedClientRegisteredByAnnotationSignsWithTheConfiguredKey() {
        try (JdkVerifyingServer server = JdkVerifyingServer.start(Presets.CANONICAL_NONCE, ApiKey.of("mp-key", SECRET))) {
            config(Map.of("signet.client.scheme", "canonical-nonce", "signet.client.key-id", "mp-key",
                    "signet.client.secret", SECRET));
            Transfers client = RestClientBuilder.newBuilder().baseUri(server.baseUri()).build(Transfers.class);
            String answer = client.create("{\"amount\":\"10.00\"}");
            assertTrue(answer.contains("\"path\":\"/transfers\""), answer);
            client.get("t-1");
            List<ReceivedExchange> received = server.received();
            assertEquals(List.of("VERIFIED", "VERIFIED"), received.stream().map(ReceivedExchange::verdict).toList());
            assertEquals("mp-key", received.get(0).header("X-Api-Key"));
            assertEquals("/transfers/t-1", received.get(1).rawPath());
        }
    }

    @Test
    void aClientBuiltInCodeRegistersTheFeatureAndReadsTheSecretFromAFile() throws Exception {
        java.nio.file.Path secretFile = directory.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        try (JdkVerifyingServer server = JdkVerifyingServer.start(Presets.CANONICAL, ApiKey.of("file-key", SECRET))) {
            config(Map.of("signet.client.scheme", "canonical", "signet.client.key-id", "file-key",
                    "signet.client.secret-file", secretFile.toString()));
            PlainTransfersPost client = RestClientBuilder.newBuilder().baseUri(server.baseUri())
                    .register(MicroProfileSigningFeature.class).build(PlainTransfersPost.class);
            client.create("{\"amount\":\"1.00\"}");
            ReceivedExchange received = server.onlyRequest();
            assertEquals("VERIFIED", received.verdict());
            assertEquals("{\"amount\":\"1.00\"}", new String(received.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheServer() {
        try (JdkVerifyingServer server = JdkVerifyingServer.start(Presets.CANONICAL_NONCE, ApiKey.of("mp-key", SECRET))) {
            config(Map.of("signet.client.scheme", "canonical-nonce", "signet.client.key-id", "mp-key",
                    "signet.client.secret", "not-the-secret"));
            Transfers client = RestClientBuilder.newBuilder().baseUri(URI.create(server.baseUri().toString()))
                    .build(Transfers.class);
            assertThrows(jakarta.ws.rs.WebApplicationException.class, () -> client.get("x"));
            assertEquals("SIGNATURE_MISMATCH", server.onlyRequest().verdict());
        }
    }

    @Test
    void missingOrConflictingSettingsNameTheSettingAndNeverTheSecret() {
        config(Map.of("signet.client.scheme", "canonical-nonce", "signet.client.secret", "hunter2-secret"));
        RuntimeException missing = assertThrows(RuntimeException.class, MicroProfileSigningFeature::new);
        assertTrue(missing.getMessage().contains("signet.client.key-id"), missing.getMessage());
        release();

        config(Map.of("signet.client.scheme", "hmac", "signet.client.key-id", "k", "signet.client.secret", "hunter2-secret"));
        RuntimeException scheme = assertThrows(RuntimeException.class, MicroProfileSigningFeature::new);
        assertTrue(scheme.getMessage().contains("signet.client.scheme=hmac"), scheme.getMessage());
        release();

        config(Map.of("signet.client.scheme", "canonical", "signet.client.key-id", "k", "signet.client.secret",
                "hunter2-secret", "signet.client.secret-file", "/nowhere"));
        RuntimeException both = assertThrows(RuntimeException.class, MicroProfileSigningFeature::new);
        assertTrue(both.getMessage().contains("exactly one"), both.getMessage());
        for (RuntimeException e : List.of(missing, scheme, both)) {
            assertFalse(String.valueOf(e.getMessage()).contains("hunter2"));
        }
    }

    @Test
    void anotherPrefixForASecondPartner() {
        try (JdkVerifyingServer server = JdkVerifyingServer.start(Presets.CANONICAL_NONCE, ApiKey.of("partner-b", SECRET))) {
            config(Map.of("partner-b.signet.scheme", "canonical-nonce", "partner-b.signet.key-id", "partner-b",
                    "partner-b.signet.secret", SECRET));
            PlainTransfers client = RestClientBuilder.newBuilder().baseUri(server.baseUri()).register(PartnerB.class)
                    .build(PlainTransfers.class);
            client.get("1");
            assertEquals("VERIFIED", server.received().get(0).verdict());
        }
    }

    /** The javadoc's example of a second key. */
    public static class PartnerB extends MicroProfileSigningFeature {
        public PartnerB() {
            super("partner-b.signet");
        }
    }

    /** No provider on the interface: the caller registers one. */
    @Path("/transfers")
    public interface PlainTransfers {
        @GET
        @Path("{id}")
        @Produces("application/json")
        String get(@PathParam("id") String id);
    }

    /** A map as a config source, above the defaults. */
    private record MapSource(Map<String, String> values) implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public int getOrdinal() {
            return 500;
        }
    }
}
