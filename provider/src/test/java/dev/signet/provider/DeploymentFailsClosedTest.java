// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.SignetTestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What can be decided at deployment is decided there: a typo in a scheme name, a bad setting or an unsafe
 * custom scheme stops the application from starting, with a message that names the method or the setting.
 * Before, an unknown scheme answered 500 on the first request and bad numbers threw a bare
 * NumberFormatException.
 */
class DeploymentFailsClosedTest {

    @Path("/typo")
    public static class SchemeTypo {
        @GET
        @SignedRequired(scheme = "canonical-nonse")
        public String get() {
            return "{}";
        }
    }

    @Path("/unsigned-idempotent")
    public static class UnsignedIdempotent {
        @jakarta.ws.rs.POST
        @Idempotent
        public String post(String body) {
            return "{}";
        }
    }

    @Path("/negative-rate")
    public static class NegativeRate {
        @GET
        @SignedRequired(ratePerMinute = -1)
        public String get() {
            return "{}";
        }
    }

    @Test
    void idempotentWithoutSignedRequiredFailsTheDeployment() {
        String message = failure(Map.of(), UnsignedIdempotent.class);
        assertTrue(message.contains("@Idempotent") && message.contains("UnsignedIdempotent.post"), message);
    }

    @Test
    void aNegativeEndpointRateFailsTheDeployment() {
        String message = failure(Map.of(), NegativeRate.class);
        assertTrue(message.contains("ratePerMinute = -1") && message.contains("NegativeRate.get()"), message);
    }

    @Test
    void aHotRodUriAndAnEmbeddedConfigurationTogetherFailTheDeploymentWithoutEchoingCredentials() {
        String message = failure(Map.of("signet.infinispan.hotrod-uri", "hotrod://admin:s3cret-pass@127.0.0.1:11222",
                "signet.infinispan.config", "dev/signet/provider/signet-clustered.xml"), EchoResource.class);
        assertTrue(message.contains("signet.infinispan.hotrod-uri") && message.contains("not both"), message);
        assertTrue(!message.contains("s3cret-pass"), message);
    }

    @Test
    void anUnknownSchemeOnAMethodFailsTheDeploymentNamingTheMethod() {
        String message = failure(Map.of(), SchemeTypo.class);
        assertTrue(message.contains("canonical-nonse") && message.contains("SchemeTypo.get()"), message);
    }

    @Test
    void aSizeWithAUnitFailsTheDeploymentNamingTheSetting() {
        String message = failure(Map.of("signet.max-body-bytes", "10MB"), EchoResource.class);
        assertTrue(message.contains("signet.max-body-bytes=10MB") && message.contains("whole number"), message);
    }

    @Test
    void aNegativeWindowFailsTheDeployment() {
        String message = failure(Map.of("signet.window-seconds", "-5"), EchoResource.class);
        assertTrue(message.contains("signet.window-seconds"), message);
    }

    @Test
    void aDefaultSchemeThatDoesNotExistFailsTheDeployment() {
        String message = failure(Map.of("signet.scheme", "hmac"), EchoResource.class);
        assertTrue(message.contains("signet.scheme=hmac") && message.contains("canonical-nonce"), message);
    }

    @Test
    void anUnknownForwardedHeaderFailsTheDeployment() {
        String message = failure(Map.of("signet.forwarded-header", "X-Real-IP"), EchoResource.class);
        assertTrue(message.contains("signet.forwarded-header"), message);
    }

    @Test
    void aCustomSchemeThatDoesNotSignItsTimestampFailsTheDeployment() {
        String message = failure(custom("{method}\\n{path}\\n{bodyHash}", "key-timestamp-signature"), EchoResource.class);
        assertTrue(message.contains("signet.scheme.mine.") && message.contains("does not sign its timestamp"), message);
    }

    @Test
    void aCustomSchemeThatKeysReplaysOnAnUnsignedNonceFailsTheDeployment() {
        Map<String, String> settings = new java.util.HashMap<>(custom("{timestamp}\\n{method}\\n{path}", "nonce"));
        settings.put("signet.scheme.mine.header.nonce", "X-Nonce");
        String message = failure(settings, EchoResource.class);
        assertTrue(message.contains("signet.scheme.mine.") && message.contains("nonce it does not sign"), message);
    }

    @Test
    void aCustomSchemeWithAnUnknownEncodingFailsTheDeployment() {
        Map<String, String> settings = new java.util.HashMap<>(custom("{timestamp}\\n{path}", "key-timestamp-signature"));
        settings.put("signet.scheme.mine.encoding", "base32");
        String message = failure(settings, EchoResource.class);
        assertTrue(message.contains("'encoding' must be one of [hex, base64]"), message);
    }

    private static Map<String, String> custom(String template, String replayKey) {
        return Map.of("signet.schemes", "mine",
                "signet.scheme.mine.header.key-id", "X-Key",
                "signet.scheme.mine.header.timestamp", "X-Time",
                "signet.scheme.mine.header.signature", "X-Sig",
                "signet.scheme.mine.template", template,
                "signet.scheme.mine.replay-key", replayKey);
    }

    private static String failure(Map<String, String> settings, Class<?>... resources) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> SignetTestServer.start(settings, null, resources).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
