// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.webhooks.GitHub;
import dev.signet.core.webhooks.Shopify;
import dev.signet.core.webhooks.Slack;
import dev.signet.core.webhooks.StandardWebhooks;
import dev.signet.core.webhooks.Stripe;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.LogCapture;
import dev.signet.provider.testing.MutableClock;
import dev.signet.provider.testing.MutableKeys;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import dev.signet.provider.testing.WebhookResource;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each webhook sender's deliveries over HTTP through the real filter, on a clock the test moves: accepted
 * with the key the endpoint names and no scope; refused, as an RFC 9457 problem, when the body, timestamp,
 * signature or secret is not the sender's, when a delivery comes again, when the sender's headers are
 * missing or carry only unknown signature versions; both halves of a rotation verify; the tolerance holds
 * to the second, both ways.
 */
class WebhookEndpointsTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "webhook endpoint test secret, 32".getBytes(StandardCharsets.US_ASCII));
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "the secret before the rotation!!".getBytes(StandardCharsets.US_ASCII));

    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final MutableKeys KEYS = new MutableKeys();
    private static SignetTestServer server;
    private static Deliveries deliveries;

    @Path("/by-setting")
    public static class KeyFromSetting {
        @POST
        @SignedRequired(scheme = "stripe")
        public String post(byte[] body) {
            return "{\"bytes\":" + body.length + "}";
        }
    }

    @BeforeAll
    static void start() {
        server = SignetTestServer.start(new TestSettings(Map.of("signet.scheme.stripe.key", "stripe-by-setting"), CLOCK, KEYS),
                SignetTestServer.CONTEXT, SignetTestServer.APPLICATION, WebhookResource.class, KeyFromSetting.class);
        deliveries = new Deliveries(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void oneSecretPerEndpointAndNoScope() {
        CLOCK.set(NOW);
        for (WebhookScheme scheme : WebhookPresets.all()) {
            KEYS.put(ApiKey.of(endpointKey(scheme), SECRET));
        }
    }

    static List<WebhookScheme> presets() {
        return WebhookPresets.all();
    }

    static List<WebhookScheme> timed() {
        return WebhookPresets.all().stream().filter(s -> !s.untimed()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aDeliveryIsVerifiedWithTheKeyTheEndpointNamesAndAKeyWithoutScopesMayCallAnEndpointWithout(WebhookScheme scheme) {
        String body = "{\"event\":\"" + scheme.name() + "\",\"amount\":\"100.00\"}";
        HttpResponse<String> answer = deliveries.signed(scheme, body, NOW, SECRET).send();
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject echoed = Json.parse(answer.body());
        assertEquals(endpointKey(scheme), echoed.getString("keyId"));
        assertEquals(endpointKey(scheme), echoed.getString("principal"));
        assertEquals("", echoed.getString("scopes"));
        assertEquals(BodyHash.of(body.getBytes(StandardCharsets.UTF_8)).hex(), echoed.getString("bodySha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aChangedBodyIsRefused(WebhookScheme scheme) {
        Deliveries.Delivery delivery = deliveries.signed(scheme, "{\"amount\":\"100.00\"}", NOW, SECRET);
        delivery.body = "{\"amount\":\"999.00\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = assertProblem(delivery.send(), "signature-mismatch");
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").contains("scheme=\"" + scheme.name() + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aWrongSecretIsRefused(WebhookScheme scheme) {
        assertProblem(deliveries.signed(scheme, "{}", NOW, OLD_SECRET).send(), "signature-mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aChangedSignatureIsRefused(WebhookScheme scheme) {
        Deliveries.Delivery delivery = deliveries.signed(scheme, "{}", NOW, SECRET);
        String signature = delivery.signature();
        int at = signature.length() - (scheme == WebhookPresets.SHOPIFY || scheme == WebhookPresets.STANDARD_WEBHOOKS ? 3 : 1);
        char changed = signature.charAt(at) == 'a' ? 'b' : 'a';
        delivery.header(scheme.signatureHeader(), signature.substring(0, at) + changed + signature.substring(at + 1));
        assertProblem(delivery.send(), "signature-mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    void aChangedTimestampIsRefused(WebhookScheme scheme) {
        Deliveries.Delivery delivery = deliveries.signed(scheme, "{}", NOW, SECRET);
        long later = NOW.getEpochSecond() + 1;
        if (scheme == WebhookPresets.STRIPE) {
            delivery.header(Stripe.SIGNATURE, delivery.signature().replace("t=" + NOW.getEpochSecond(), "t=" + later));
        } else {
            delivery.header(scheme == WebhookPresets.SLACK ? Slack.TIMESTAMP : StandardWebhooks.TIMESTAMP, Long.toString(later));
        }
        assertProblem(delivery.send(), "signature-mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aDeliverySentAgainIsRefusedAsAReplay(WebhookScheme scheme) {
        Deliveries.Delivery delivery = deliveries.signed(scheme, "{\"once\":true}", NOW, SECRET);
        assertEquals(200, delivery.send().statusCode());
        CLOCK.advance(Duration.ofSeconds(30));
        assertProblem(delivery.send(), "replayed");
        if (scheme.untimed()) {
            // No timestamp: days later the same delivery still verifies, and only the replay cache stops it.
            CLOCK.advance(Duration.ofDays(3));
            assertProblem(delivery.send(), "replayed");
        }
    }

    @Test
    void aGitHubOrShopifyCopyWithAnotherDeliveryIdIsStillAReplay() {
        for (WebhookScheme scheme : List.of(WebhookPresets.GITHUB, WebhookPresets.SHOPIFY)) {
            Deliveries.Delivery delivery = deliveries.signed(scheme, "{\"id\":1}", NOW, SECRET);
            assertEquals(200, delivery.send().statusCode());
            delivery.header(scheme == WebhookPresets.GITHUB ? GitHub.DELIVERY : Shopify.WEBHOOK_ID, "a-fresh-unsigned-id");
            assertProblem(delivery.send(), "replayed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    void theSendersToleranceHoldsToTheSecondBothWays(WebhookScheme scheme) {
        Duration tolerance = scheme.window();
        int n = 0;
        for (Duration offset : List.of(tolerance.negated(), tolerance)) {
            assertEquals(200, deliveries.signed(scheme, "{\"n\":" + n++ + "}", NOW.plus(offset), SECRET).send().statusCode(),
                    "signed " + offset + " from now");
        }
        for (Duration offset : List.of(tolerance.negated().minusSeconds(1), tolerance.plusSeconds(1))) {
            HttpResponse<String> answer = deliveries.signed(scheme, "{\"n\":" + n++ + "}", NOW.plus(offset), SECRET).send();
            assertProblem(answer, "timestamp-out-of-window");
            assertTrue(answer.headers().firstValue("Date").isPresent(), "the server's time, for the sender's clock");
        }
        assertEquals(Duration.ofSeconds(300), tolerance, "Stripe, Slack and Standard Webhooks all allow five minutes");
    }

    @Test
    void aHeaderWithOnlyUnknownSignatureVersionsIsRefused() {
        Deliveries.Delivery sw = deliveries.signed(WebhookPresets.STANDARD_WEBHOOKS, "{}", NOW, SECRET);
        sw.header(StandardWebhooks.SIGNATURE, sw.signature().replace("v1,", "v1a,") + " v2," + sw.signature().substring(3));
        assertDetail(assertProblem(sw.send(), "malformed-credentials"), "No v1 signature in webhook-signature");

        Deliveries.Delivery stripe = deliveries.signed(WebhookPresets.STRIPE, "{}", NOW, SECRET);
        stripe.header(Stripe.SIGNATURE, stripe.signature().replace("v1=", "v0="));
        assertDetail(assertProblem(stripe.send(), "malformed-credentials"), "No v1 signature in Stripe-Signature");

        Deliveries.Delivery slack = deliveries.signed(WebhookPresets.SLACK, "a=b", NOW, SECRET);
        slack.header(Slack.SIGNATURE, slack.signature().replace("v0=", "v1="));
        assertDetail(assertProblem(slack.send(), "malformed-credentials"), "No v0 signature in X-Slack-Signature");

        Deliveries.Delivery github = deliveries.signed(WebhookPresets.GITHUB, "{}", NOW, SECRET);
        github.header(GitHub.SIGNATURE, null).header("X-Hub-Signature", "sha1=" + "0".repeat(40));
        assertDetail(assertProblem(github.send(), "missing-credentials"), "No signature headers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void missingHeadersAreRefused(WebhookScheme scheme) {
        Deliveries.Delivery none = deliveries.signed(scheme, "{}", NOW, SECRET);
        scheme.headerNames().forEach(name -> none.header(name, null));
        assertDetail(assertProblem(none.send(), "missing-credentials"), "No signature headers");
        if (scheme.headerNames().size() > 1 && !scheme.untimed()) {
            Deliveries.Delivery partial = deliveries.signed(scheme, "{}", NOW, SECRET);
            String first = scheme.headerNames().get(0);
            partial.header(first, null);
            assertDetail(assertProblem(partial.send(), "missing-credentials"), "Missing header " + first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void duringARotationBothSecretsVerify(WebhookScheme scheme) {
        KEYS.put(ApiKey.builder(endpointKey(scheme)).secret(Secret.validUntil(OLD_SECRET, NOW.plus(Duration.ofHours(1))))
                .secret(SECRET).build());
        assertEquals(200, deliveries.signed(scheme, "{\"by\":\"old\"}", NOW, OLD_SECRET).send().statusCode());
        assertEquals(200, deliveries.signed(scheme, "{\"by\":\"new\"}", NOW, SECRET).send().statusCode());
        CLOCK.advance(Duration.ofHours(2)); // the old secret's time is over
        assertProblem(deliveries.signed(scheme, "{\"by\":\"old, late\"}", NOW.plus(Duration.ofHours(2)), OLD_SECRET).send(),
                "signature-mismatch");
    }

    @Test
    void twoSignaturesInOneHeaderVerifyWithEitherSecretAlone() {
        for (WebhookScheme scheme : List.of(WebhookPresets.STRIPE, WebhookPresets.STANDARD_WEBHOOKS)) {
            for (String held : List.of(OLD_SECRET, SECRET)) {
                KEYS.put(ApiKey.of(endpointKey(scheme), held));
                Deliveries.Delivery both = deliveries.signed(scheme, "{\"held\":" + held.length() + held.charAt(10) + "}", NOW,
                        OLD_SECRET, SECRET);
                assertEquals(2, both.signature().split(scheme == WebhookPresets.STRIPE ? "v1=" : "v1,", -1).length - 1);
                HttpResponse<String> answer = both.send();
                assertEquals(200, answer.statusCode(), scheme.name() + ": " + answer.body());
            }
        }
    }

    @Test
    void aRetryAfterTheResourceFailedIsNotAReplay() {
        // Stripe re-signs every attempt with a new t; the resource failing after verification must not make the
        // sender's next attempt a replay, or the event would be lost.
        String body = "{\"id\":\"evt_retry\"}";
        assertEquals(503, deliveries.signedTo("/hooks/stripe/failing", WebhookPresets.STRIPE, body, NOW, SECRET).send().statusCode());
        CLOCK.advance(Duration.ofSeconds(5));
        assertEquals(503, deliveries.signedTo("/hooks/stripe/failing", WebhookPresets.STRIPE, body, NOW.plusSeconds(5), SECRET)
                .send().statusCode(), "the retry reached the resource again");
        // Standard Webhooks keeps the message id across attempts and gives each a new timestamp.
        Deliveries.Delivery first = deliveries.signedTo("/hooks/standard-webhooks", WebhookPresets.STANDARD_WEBHOOKS, body,
                "msg_retry", NOW.plusSeconds(5), SECRET);
        assertEquals(200, first.send().statusCode());
        CLOCK.advance(Duration.ofSeconds(5));
        assertEquals(200, deliveries.signedTo("/hooks/standard-webhooks", WebhookPresets.STANDARD_WEBHOOKS, body,
                "msg_retry", NOW.plusSeconds(10), SECRET).send().statusCode());
        assertProblem(first.send(), "replayed");
    }

    @Test
    void theKeyCanBeNamedBySettingPerScheme() {
        KEYS.put(ApiKey.of("stripe-by-setting", SECRET));
        HttpResponse<String> answer = deliveries.signedTo("/by-setting", WebhookPresets.STRIPE, "{}", NOW, SECRET).send();
        assertEquals(200, answer.statusCode(), answer.body());
        KEYS.put(ApiKey.of("stripe-by-setting", OLD_SECRET));
        assertProblem(deliveries.signedTo("/by-setting", WebhookPresets.STRIPE, "{}", NOW, SECRET).send(), "signature-mismatch");
    }

    @Test
    void noSecretAndNoFullSignatureAppearsInAnyLogLineOrAnswer() {
        List<String> answers = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            for (WebhookScheme scheme : WebhookPresets.all()) {
                Deliveries.Delivery ok = deliveries.signed(scheme, "{\"log\":1}", NOW, SECRET);
                Deliveries.Delivery wrong = deliveries.signed(scheme, "{\"log\":2}", NOW, OLD_SECRET);
                Deliveries.Delivery late = deliveries.signed(scheme, "{\"log\":3}", NOW.minus(Duration.ofDays(1)), SECRET);
                for (Deliveries.Delivery d : List.of(ok, ok, wrong, late)) {
                    signatures.add(d.signature());
                    answers.add(d.send().body());
                }
            }
            lines = logs.lines();
        }
        for (String secret : List.of(SECRET, OLD_SECRET, SECRET.substring(6), OLD_SECRET.substring(6))) {
            lines.forEach(line -> assertFalse(line.contains(secret), line));
            answers.forEach(answer -> assertFalse(answer.contains(secret), answer));
        }
        for (String signature : signatures) {
            String mac = signature.replaceAll("=+$", "").replaceAll("^.*[=,]", ""); // the MAC itself, whatever its wrapping
            assertTrue(mac.length() >= 42, mac);
            lines.forEach(line -> assertFalse(line.contains(mac), line));
            answers.forEach(answer -> assertFalse(answer.contains(mac), answer));
        }
    }

    private static String endpointKey(WebhookScheme scheme) {
        return scheme.name() + "-hooks";
    }

    static HttpResponse<String> assertProblem(HttpResponse<String> answer, String type) {
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("https://signet.dev/problems/" + type, Json.parse(answer.body()).getString("type"), answer.body());
        return answer;
    }

    private static void assertDetail(HttpResponse<String> answer, String detail) {
        assertEquals(detail, Json.parse(answer.body()).getString("detail"));
    }
}
