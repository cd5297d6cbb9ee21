// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.signet.provider.Rfc9421OverHttpTest.assertProblem;
import static dev.signet.provider.Rfc9421OverHttpTest.signer;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.Rfc9421Http;
import dev.signet.provider.testing.Rfc9421Keys;
import dev.signet.provider.testing.Rfc9421Resource;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rfc9421 policy from settings: global, per endpoint through a named variant, and bad values failing the start. */
class Rfc9421SettingsTest {

    @Path("/strict")
    public static class StrictResource {
        @POST
        @SignedRequired(scheme = "partner")
        public String post(String body) {
            return "{\"ok\":true}";
        }
    }

    @Test
    void thePolicyComesFromSettingsAndAVariantServesItsOwnEndpoints() {
        Map<String, String> settings = Map.of(
                "signet.rfc9421.nonce-required", "true",
                "signet.schemes", "partner",
                "signet.scheme.partner.type", "rfc9421",
                "signet.scheme.partner.components", "content-type",
                "signet.scheme.partner.tag", "partner-v1");
        try (SignetTestServer s = SignetTestServer.start(new TestSettings(settings, null, Rfc9421Keys.repository()),
                SignetTestServer.CONTEXT, SignetTestServer.APPLICATION, Rfc9421Resource.class, StrictResource.class)) {
            Rfc9421Http h = new Rfc9421Http(s.baseUri());
            Rfc9421Signer ed = signer(SignatureAlgorithm.ED25519);
            HttpResponse<String> noNonce = h.get("/rfc9421/echo").signed(ed, Instant.now(), null).send();
            assertProblem(noNonce, 401, "policy-not-met");
            assertEquals("The signature must cover a nonce", Json.field(noNonce.body(), "detail"));
            assertEquals("sig1=(\"@method\" \"@target-uri\");created;nonce", noNonce.headers().firstValue("Accept-Signature").orElseThrow());
            assertEquals(200, h.get("/rfc9421/echo").signed(ed).send().statusCode());

            HttpResponse<String> untagged = h.post("/strict", "{}").signed(ed).send();
            assertProblem(untagged, 401, "policy-not-met");
            assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\");created;nonce;tag=\"partner-v1\"",
                    untagged.headers().firstValue("Accept-Signature").orElseThrow());
            Rfc9421Signer partner = Rfc9421Signer.builder(Rfc9421Keys.id(SignatureAlgorithm.ED25519),
                    Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).tag("partner-v1").cover(ComponentId.of("content-type")).build();
            assertEquals(200, h.post("/strict", "{}").signed(partner).send().statusCode());
        }
    }

    @Test
    void aBadRfc9421SettingFailsTheDeploymentNamingIt() {
        for (Map.Entry<String, String> bad : Map.of("signet.rfc9421.window-seconds", "0",
                "signet.rfc9421.components", "\"@nope\"", "signet.rfc9421.nonce-required", "yes").entrySet()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> SignetTestServer.start(Map.of(bad.getKey(), bad.getValue()),
                    null, Rfc9421Resource.class).close());
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append(" | ");
            }
            assertTrue(all.toString().contains(bad.getKey()), all.toString());
        }
    }


    @Path("/signed-answers")
    public static class SignsItsResponses {
        @jakarta.ws.rs.GET
        @SignedRequired(scheme = "rfc9421", signResponse = true)
        public String get() {
            return "{}";
        }
    }

    @Path("/preset-answers")
    public static class PresetWithSignedResponses {
        @jakarta.ws.rs.GET
        @SignedRequired(scheme = "canonical", signResponse = true)
        public String get() {
            return "{}";
        }
    }

    @Test
    void responseSigningWithoutAServerKeyOrUnderAPresetFailsTheDeployment() {
        assertTrue(failure(Map.of(), SignsItsResponses.class).contains("signet.rfc9421.response-key-id"));
        assertTrue(failure(Map.of(), PresetWithSignedResponses.class).contains("needs an RFC 9421 scheme"));
        assertTrue(failure(Map.of("signet.rfc9421.response-key-id", "server"), SignsItsResponses.class)
                .contains("signet.rfc9421.response-algorithm"));
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
