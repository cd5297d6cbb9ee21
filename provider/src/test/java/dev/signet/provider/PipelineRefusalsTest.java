// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.Failure;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.RefusalEvents;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.TestKeys;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each step of the pipeline refuses with the status, body and headers its scheme's document gives. One
 * row per (preset, step): the request is correct in every way but the one the step checks.
 */
class PipelineRefusalsTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer(EchoResource.class);

    private static SignedHttp http;

    @BeforeAll
    static void client() {
        http = server.http();
    }

    enum Step {
        NO_CREDENTIALS, MALFORMED_TIMESTAMP, UNKNOWN_KEY, DISABLED_KEY, REVOKED_KEY, EXPIRED_KEY, STALE_TIMESTAMP,
        FUTURE_TIMESTAMP, WRONG_SECRET, TAMPERED_BODY, IP_NOT_ALLOWED, MISSING_SCOPE
    }

    /** Expected (status, body marker) per preset: [timestamp-secret detail, json-payload/canonical type, canonical-nonce code]. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                row(Step.NO_CREDENTIALS, 401, "Authentication credentials were not provided", "missing-credentials", 401, "GA2001"),
                row(Step.MALFORMED_TIMESTAMP, 401, "Authentication credentials were not provided", "malformed-credentials", 401, "GA2001"),
                row(Step.UNKNOWN_KEY, 401, "Invalid API Key", "unknown-key", 401, "GA2011"),
                row(Step.DISABLED_KEY, 401, "Invalid API Key", "key-disabled", 403, "GA2021"),
                row(Step.REVOKED_KEY, 401, "Invalid API Key", "key-revoked", 403, "GA2021"),
                row(Step.EXPIRED_KEY, 401, "Invalid API Key", "key-expired", 403, "GA2021"),
                row(Step.STALE_TIMESTAMP, 401, "Timestamp out of range", "timestamp-out-of-window", 401, "GA2013"),
                row(Step.FUTURE_TIMESTAMP, 401, "Timestamp out of range", "timestamp-out-of-window", 401, "GA2013"),
                row(Step.WRONG_SECRET, 401, "Invalid HMAC", "signature-mismatch", 401, "GA2012"),
                row(Step.TAMPERED_BODY, 401, "Invalid HMAC", "signature-mismatch", 401, "GA2012"),
                row(Step.IP_NOT_ALLOWED, 401, "IP address not allowed", "ip-not-allowed", 403, "GA2022"),
                row(Step.MISSING_SCOPE, 403, "You do not have permission to perform this action", "scope-missing", 403, "GA2024"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> row(Step step, int detailStatus, String detail, String problemSlug,
            int envelopeStatus, String code) {
        return Presets.all().stream().map(scheme -> switch (scheme.name()) {
            case "timestamp-secret" -> Arguments.of(scheme.name(), step, detailStatus, detail);
            case "canonical-nonce" -> Arguments.of(scheme.name(), step, envelopeStatus, code);
            default -> Arguments.of(scheme.name(), step,
                    step == Step.IP_NOT_ALLOWED ? 401 : detailStatus, "https://signet.dev/problems/" + problemSlug);
        });
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("refusals")
    void eachStepRefusesAsTheSchemesDocumentSays(String preset, Step step, int status, String marker) {
        Scheme scheme = Presets.byName(preset).orElseThrow();
        if (step == Step.TAMPERED_BODY && !scheme.covers(dev.signet.core.scheme.Component.BODY_HASH)) {
            return; // documented in core's TamperingTest: this preset does not sign the body
        }
        HttpResponse<String> response = request(scheme, step).send();
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Json.parse(response.body());
        switch (preset) {
            case "timestamp-secret" -> {
                assertEquals(marker, body.getString("detail"));
                assertEquals("application/json", contentType(response));
            }
            case "canonical-nonce" -> {
                assertEquals(marker, body.getString("code"));
                assertFalse(body.getBoolean("success"));
                assertEquals("1.3.0", body.getString("version"));
                assertTrue(body.isNull("data"));
            }
            default -> {
                assertEquals(marker, body.getString("type"));
                assertEquals(status, body.getInt("status"));
                assertEquals("application/problem+json", contentType(response));
            }
        }
        if (status == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(challenge.contains("scheme=\"" + preset + "\""), challenge);
        } else {
            assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
        }
    }

    @Test
    void theDocumentsExactBodyIsAnsweredForASignatureMismatchUnderCanonicalNonce() {
        HttpResponse<String> response = request(Presets.CANONICAL_NONCE, Step.WRONG_SECRET).send();
        JsonObject body = Json.parse(response.body());
        assertEquals("SIGNATURE_INVALID", body.getString("message"));
        assertTrue(body.getJsonNumber("timestamp").longValue() > 1_700_000_000_000L);
    }

    @Test
    void anEndpointWithoutADeclaredScopeIsDeniedByDefaultUnderCanonicalNonce() {
        HttpResponse<String> response = http.get("/canonical-nonce/undeclared").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER).send();
        assertEquals(403, response.statusCode());
        assertEquals("50090201", Json.parse(response.body()).getString("code"));
        assertEquals("API_ACCESS_DENIED", Json.parse(response.body()).getString("message"));
    }

    @Test
    void theKeyIsCheckedBeforeTheWindowAndTheWindowBeforeTheSignature() {
        // Disabled key + stale timestamp + wrong secret: the key state answers (step 3 before 5 and 7).
        Clock stale = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
        var response = http.get("/canonical-nonce/get")
                .signed(Presets.CANONICAL_NONCE, TestKeys.DISABLED.id(), Secret.of("wrong-secret"), stale).send();
        assertEquals("GA2021", Json.parse(response.body()).getString("code"));
        // Stale timestamp + wrong secret: the window answers (step 5 before 7).
        response = http.get("/canonical-nonce/get")
                .signed(Presets.CANONICAL_NONCE, TestKeys.READER.id(), Secret.of("wrong-secret"), stale).send();
        assertEquals("GA2013", Json.parse(response.body()).getString("code"));
        // Wrong secret from a disallowed address: the signature answers (step 7 before 9).
        response = http.get("/canonical-nonce/get")
                .signed(Presets.CANONICAL_NONCE, TestKeys.ELSEWHERE_ONLY.id(), Secret.of("wrong-secret"), Clock.systemUTC()).send();
        assertEquals("GA2012", Json.parse(response.body()).getString("code"));
    }

    @Test
    void everyRefusalFiresAnEventNamingTheReasonAndNoSecret() {
        RefusalEvents events = server.bean(RefusalEvents.class);
        int before = events.refused().size();
        request(Presets.CANONICAL, Step.WRONG_SECRET).send();
        var last = events.refused().get(events.refused().size() - 1);
        assertEquals(before + 1, events.refused().size());
        assertEquals(Failure.SIGNATURE_MISMATCH, last.reason());
        assertEquals("reader", last.keyId());
        assertEquals("127.0.0.1", last.remoteAddress());
        assertFalse(last.toString().contains(TestKeys.SECRET));
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        SignedHttp.Call call = http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER);
        List<String> names = List.copyOf(call.headers.keySet());
        for (String name : names) {
            call.headers.put(name.toLowerCase(java.util.Locale.ROOT), call.headers.remove(name));
        }
        assertEquals(200, call.send().statusCode());
    }

    private static SignedHttp.Call request(Scheme scheme, Step step) {
        String get = "/" + scheme.name() + "/get";
        String post = "/" + scheme.name() + "/post";
        ApiKey reader = TestKeys.READER;
        Clock now = Clock.systemUTC();
        return switch (step) {
            case NO_CREDENTIALS -> http.get(get);
            case MALFORMED_TIMESTAMP -> http.get(get).signed(scheme, reader).header(scheme.headers().timestamp(), "soon");
            case UNKNOWN_KEY -> http.get(get).signed(scheme, "nobody", Secret.of(TestKeys.SECRET), now);
            case DISABLED_KEY -> http.get(get).signed(scheme, TestKeys.DISABLED);
            case REVOKED_KEY -> http.get(get).signed(scheme, TestKeys.REVOKED);
            case EXPIRED_KEY -> http.get(get).signed(scheme, TestKeys.EXPIRED);
            case STALE_TIMESTAMP -> http.get(get).signed(scheme, reader.id(), reader.signingSecret(),
                    Clock.offset(now, scheme.window().negated().minusSeconds(2)));
            case FUTURE_TIMESTAMP -> http.get(get).signed(scheme, reader.id(), reader.signingSecret(),
                    Clock.offset(now, scheme.window().plusSeconds(2)));
            case WRONG_SECRET -> http.get(get).signed(scheme, reader.id(), Secret.of("not-the-secret"), now);
            case TAMPERED_BODY -> {
                SignedHttp.Call call = http.post(post, "{\"amount\":\"1.00\"}").signed(scheme, TestKeys.WRITER);
                call.body = "{\"amount\":\"9.00\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                yield call;
            }
            case IP_NOT_ALLOWED -> http.get(get).signed(scheme, TestKeys.ELSEWHERE_ONLY);
            case MISSING_SCOPE -> http.post(post, "{}").signed(scheme, reader);
        };
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }
}
