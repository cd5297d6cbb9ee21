// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.core.webhooks.WebhookVectors;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.MutableClock;
import dev.signet.provider.testing.MutableKeys;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import dev.signet.provider.testing.WebhookResource;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sender's published example over HTTP through the real filter, on the example's own clock: an
 * accepted one is first sent with a changed body, signature or timestamp (refused), then as published
 * (accepted), then again (refused as a replay); a refused one is refused with the problem type of its failure.
 */
class WebhookVectorsThroughTheFilterTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static final MutableKeys KEYS = new MutableKeys();
    private static final AtomicInteger CASE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static SignetTestServer server;

    @BeforeAll
    static void start() {
        server = SignetTestServer.start(new TestSettings(Map.of(), CLOCK, KEYS), SignetTestServer.CONTEXT,
                SignetTestServer.APPLICATION, WebhookResource.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<WebhookVectors.Case> cases() {
        return WebhookVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void publishedExampleThroughTheFilter(WebhookVectors.Case c) throws Exception {
        String endpointKey = c.scheme().name() + "-hooks";
        // Each case its own key (the repository returns its canonical id), so one case's accepted delivery
        // is not another case's replay: several share a signature and only move the clock.
        KEYS.put(endpointKey, c.key(endpointKey + "-case-" + CASE.incrementAndGet()));
        CLOCK.set(c.now().orElse(Instant.parse("2026-01-01T00:00:00Z")));
        if (!c.verified()) {
            assertProblem(send(c.scheme(), c.headers(), c.bodyBytes()), c.failure());
            return;
        }
        // Tampered copies first: once the genuine one is accepted, a copy with its replay unit is a replay at
        // step 6, before its signature is looked at. A refused copy is not recorded, so the genuine one still passes.
        byte[] changed = (c.body() + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertProblem(send(c.scheme(), c.headers(), changed), "SIGNATURE_MISMATCH");

        String name = header(c.headers(), c.scheme().signatureHeader());
        if (signatures(c) == 1) { // with several, another one would still match
            Map<String, String> otherSignature = new HashMap<>(c.headers());
            otherSignature.put(name, withOneMacCharacterChanged(c));
            assertProblem(send(c.scheme(), otherSignature, c.bodyBytes()), "SIGNATURE_MISMATCH");
        }

        if (!c.scheme().untimed()) {
            Map<String, String> later = new HashMap<>(c.headers());
            String timestampHeader = c.scheme() == WebhookPresets.STRIPE ? null
                    : header(c.headers(), c.scheme() == WebhookPresets.SLACK ? "X-Slack-Request-Timestamp" : "webhook-timestamp");
            if (timestampHeader == null) {
                java.util.regex.Matcher t = java.util.regex.Pattern.compile("t=(\\d+)").matcher(later.get(name));
                t.find();
                later.put(name, t.replaceFirst("t=" + towardNow(c, Long.parseLong(t.group(1)))));
            } else {
                later.put(timestampHeader, Long.toString(towardNow(c, Long.parseLong(later.get(timestampHeader)))));
            }
            assertProblem(send(c.scheme(), later, c.bodyBytes()), "SIGNATURE_MISMATCH");
        }

        HttpResponse<String> answer = send(c.scheme(), c.headers(), c.bodyBytes());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(BodyHash.of(c.bodyBytes()).hex(), Json.parse(answer.body()).getString("bodySha256"),
                "the resource read the bytes that were signed");

        assertProblem(send(c.scheme(), c.headers(), c.bodyBytes()), "REPLAYED");
    }

    /** How many signatures the scheme reads in the case's header. */
    private static int signatures(WebhookVectors.Case c) {
        return ((dev.signet.core.internal.verification.Credentials) c.scheme().readCredentials(
                new dev.signet.core.internal.verification.ReceivedRequest("POST", "/", c.headerSource()), java.util.Optional.of("k")))
                .signatures().size();
    }

    /** The header's name as the case spells it. */
    private static String header(Map<String, String> headers, String name) {
        return headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElseThrow();
    }

    /** A timestamp one second off, toward the server's clock, so it stays inside the window (cases sit on its edges). */
    private static long towardNow(WebhookVectors.Case c, long timestamp) {
        return timestamp > c.now().get().getEpochSecond() ? timestamp - 1 : timestamp + 1;
    }

    /** The signature header with one character of the MAC the scheme reads changed, in the same alphabet. */
    private static String withOneMacCharacterChanged(WebhookVectors.Case c) {
        String value = c.headers().get(header(c.headers(), c.scheme().signatureHeader()));
        byte[] mac = ((dev.signet.core.internal.verification.Credentials) c.scheme().readCredentials(
                new dev.signet.core.internal.verification.ReceivedRequest("POST", "/", c.headerSource()), java.util.Optional.of("k")))
                .signatures().get(0);
        String hex = java.util.HexFormat.of().formatHex(mac);
        int at = value.toLowerCase(Locale.ROOT).indexOf(hex);
        if (at >= 0) {
            at += hex.length() - 1;
        } else {
            String base64 = java.util.Base64.getEncoder().encodeToString(mac);
            at = value.indexOf(base64) + base64.length() - 3; // not the last, whose low bits are padding
        }
        char changed = value.charAt(at) == 'a' ? 'b' : 'a';
        return value.substring(0, at) + changed + value.substring(at + 1);
    }

    static HttpResponse<String> send(WebhookScheme scheme, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/hooks/" + scheme.name()))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", scheme == WebhookPresets.SLACK ? "application/x-www-form-urlencoded" : "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> answer, String failure) {
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.parse(answer.body());
        assertEquals("https://signet.dev/problems/" + failure.toLowerCase(Locale.ROOT).replace('_', '-'), problem.getString("type"),
                answer.body());
        assertNotNull(answer.headers().firstValue("WWW-Authenticate").orElse(null));
    }

}
