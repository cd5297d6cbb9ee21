// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeDefinition;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.MutableClock;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The policy steps, each proven through the real filter at its exact edge (the rate limit's own edges are
 * in {@link RateLimitTest}): a refused request's budget, tenants in every error format, custom schemes from settings, the realm, and identity taken from
 * the repository's key rather than the header's spelling.
 */
class PolicyStepsTest {

    /** A minute boundary plus ten seconds, so the window's edge is known exactly. */
    private static final Instant START = Instant.parse("2026-06-01T12:00:10Z");

    @Test
    void aKeyWithoutARateOfItsOwnMeetsTheDefaultCeiling() {
        // One stolen key must not be able to grow the replay cache without bound.
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.rate-limit.default-per-minute", "5"), clock,
                EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER.id(),
                        Secret.of(TestKeys.SECRET), clock).send().statusCode());
            }
            HttpResponse<String> limited = http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER.id(),
                    Secret.of(TestKeys.SECRET), clock).send();
            assertEquals(429, limited.statusCode());
            assertEquals("RATE_LIMITED", Json.field(limited.body(), "message"));
        }
    }

    @Test
    void aRequestRefusedForItsScopeStillCountsAgainstTheKeysRate() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), clock, EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 0; i < 3; i++) { // LIMITED may make 3 a minute and lacks items:write
                assertEquals(403, http.post("/canonical/post", "{}").signed(Presets.CANONICAL, TestKeys.LIMITED.id(),
                        Secret.of(TestKeys.SECRET), java.time.Clock.offset(clock, Duration.ofSeconds(-i))).send().statusCode());
            }
            HttpResponse<String> limited = http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.LIMITED.id(),
                    Secret.of(TestKeys.SECRET), clock).send();
            assertEquals(429, limited.statusCode());
            assertEquals("https://signet.dev/problems/rate-limited", Json.field(limited.body(), "type"));
        }
    }

    @Test
    void tenantsAnswerInEachSchemesFormatAndAMissingTenantHeaderIsRefused() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.tenant-header", "X-Tenant"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            // canonical-nonce: seed 004's workspace codes
            assertEquals(200, tenant(http, Presets.CANONICAL_NONCE, TestKeys.WRITER.id(), "t1").statusCode());
            assertEnvelope(tenant(http, Presets.CANONICAL_NONCE, TestKeys.WRITER.id(), "t2"), 403, "GA2034");
            assertEnvelope(tenant(http, Presets.CANONICAL_NONCE, TestKeys.READER.id(), "t1"), 404, "GA2032");
            assertEnvelope(tenant(http, Presets.CANONICAL_NONCE, TestKeys.WRITER.id(), null), 403, "GA2034");
            // canonical: problem+json
            assertProblem(tenant(http, Presets.CANONICAL, TestKeys.WRITER.id(), "t2"), 403, "tenant-mismatch");
            assertProblem(tenant(http, Presets.CANONICAL, TestKeys.READER.id(), "t1"), 404, "tenant-not-found");
            assertProblem(tenant(http, Presets.CANONICAL, TestKeys.WRITER.id(), null), 403, "tenant-mismatch");
            // timestamp-secret: seed 000's detail messages
            HttpResponse<String> mismatch = tenant(http, Presets.TIMESTAMP_SECRET, TestKeys.WRITER.id(), "t2");
            assertEquals(403, mismatch.statusCode());
            assertEquals("You do not have permission to perform this action", Json.field(mismatch.body(), "detail"));
            HttpResponse<String> notFound = tenant(http, Presets.TIMESTAMP_SECRET, TestKeys.READER.id(), "t1");
            assertEquals(404, notFound.statusCode());
            assertEquals("Not found", Json.field(notFound.body(), "detail"));
        }
    }

    @Path("/mine")
    public static class CustomSchemeResource {
        @GET
        @Produces("application/json")
        @dev.signet.provider.SignedRequired(scheme = "mine", scopes = "items:read")
        public String get() {
            return "{\"served\":true}";
        }
    }

    @Test
    void aCustomSchemeFromSettingsAcceptsItsOwnSignatureAndRefusesAForgedOneInItsErrorFormat() {
        Map<String, String> definition = new TreeMap<>(Map.of("header.key-id", "X-Key", "header.timestamp", "X-Time",
                "header.signature", "X-Sig", "template", "{timestamp}\\n{method}\\n{path}\\n{bodyHash}",
                "error-format", "detail"));
        Map<String, String> settings = new TreeMap<>(Map.of("signet.schemes", "mine", "signet.realm", "ledger"));
        definition.forEach((k, v) -> settings.put("signet.scheme.mine." + k, v));
        Scheme mine = SchemeDefinition.fromSettings("mine", definition);
        try (ServerWithSettings s = new ServerWithSettings(settings, EchoResource.class, CustomSchemeResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            SignedHttp.Call first = http.get("/mine").signed(mine, TestKeys.READER);
            assertEquals(200, first.send().statusCode());
            HttpResponse<String> forged = http.get("/mine").signed(mine, TestKeys.READER.id(), Secret.of("forged"),
                    java.time.Clock.systemUTC()).send();
            assertEquals(401, forged.statusCode());
            assertEquals("Invalid HMAC", Json.field(forged.body(), "detail"));
            assertEquals("Signet realm=\"ledger\", scheme=\"mine\"", forged.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(401, first.send().statusCode(), "its default replay key is (key, timestamp, signature)");
        }
    }

    @Test
    void aReplayWithTheKeyIdInAnotherCaseIsStillAReplay() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            SignedHttp.Call first = http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER);
            assertEquals(200, first.send().statusCode());
            // json-payload and canonical-nonce do not sign the key id: respell it, keep nonce and signature.
            SignedHttp.Call respelled = http.get("/canonical-nonce/get");
            respelled.headers.putAll(first.headers);
            respelled.headers.put("X-Api-Key", "READER");
            HttpResponse<String> replay = respelled.send();
            assertEquals(401, replay.statusCode(), replay.body());
            assertEquals("NONCE_REUSED", Json.field(replay.body(), "message"));
        }
    }

    private static HttpResponse<String> tenant(SignedHttp http, Scheme scheme, String keyId, String tenant) {
        SignedHttp.Call call = http.get("/" + scheme.name() + "/get").signed(scheme, keyId, Secret.of(TestKeys.SECRET),
                java.time.Clock.systemUTC());
        if (tenant != null) {
            call.header("X-Tenant", tenant);
        }
        return call.send();
    }

    private static void assertEnvelope(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Json.field(response.body(), "code"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("https://signet.dev/problems/" + type, Json.field(response.body(), "type"));
    }
}
