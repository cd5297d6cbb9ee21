// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme.SignatureCheck;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign as each sender, verify with the pipeline: rotation, replays, tampering, and what each header must hold. */
class WebhookSchemesTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String KEY = "hooks";
    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("a 32 byte secret for the tests!!".getBytes(StandardCharsets.US_ASCII));
    static final String OLD_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("the previous secret, 32 bytes!!!".getBytes(StandardCharsets.US_ASCII));

    static List<WebhookScheme> presets() {
        return WebhookPresets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void generatedDeliveriesVerify(WebhookScheme scheme) throws IOException {
        Random random = new Random(scheme.name().hashCode());
        for (int i = 0; i < 100; i++) {
            byte[] body = new byte[random.nextInt(5000)];
            random.nextBytes(body); // any bytes: the raw body is signed, not a text
            Map<String, String> headers = sign(scheme, body, "msg_" + i, NOW, List.of(Secret.of(SECRET))).headers();
            assertTrue(verify(scheme, key(SECRET), headers, body, new WebhookVectorsTest.MapReplay()).isVerified(),
                    () -> scheme.name() + " refused its own delivery");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aKeyInRotationVerifiesWithEitherSecret(WebhookScheme scheme) throws IOException {
        byte[] body = "{\"rotation\":true}".getBytes(StandardCharsets.UTF_8);
        ApiKey both = ApiKey.builder(KEY).secret(Secret.validUntil(OLD_SECRET, NOW.plusSeconds(60))).secret(SECRET).build();
        for (String signedWith : List.of(OLD_SECRET, SECRET)) {
            Map<String, String> headers = sign(scheme, body, "msg_" + signedWith.length(), NOW, List.of(Secret.of(signedWith))).headers();
            assertTrue(verify(scheme, both, headers, body, new WebhookVectorsTest.MapReplay()).isVerified(), signedWith);
        }
        // Once the old secret's time is over, what it signed no longer verifies.
        Map<String, String> old = sign(scheme, body, "msg_old", NOW.plusSeconds(120), List.of(Secret.of(OLD_SECRET))).headers();
        assertEquals("SIGNATURE_MISMATCH", failure(verify(scheme, both, old, body, new WebhookVectorsTest.MapReplay(), NOW.plusSeconds(120))));
    }

    @Test
    void sendersThatRotateSendOneSignaturePerSecretAndEitherVerifies() throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (WebhookScheme scheme : List.of(WebhookPresets.STRIPE, WebhookPresets.STANDARD_WEBHOOKS)) {
            SignedHeaders signed = sign(scheme, body, "msg_two", NOW, List.of(Secret.of(OLD_SECRET), Secret.of(SECRET)));
            String header = signed.get(scheme.signatureHeader());
            String marker = scheme == WebhookPresets.STRIPE ? "v1=" : "v1,";
            assertEquals(2, header.split(marker, -1).length - 1, header);
            for (String secret : List.of(OLD_SECRET, SECRET)) {
                assertTrue(verify(scheme, key(secret), signed.headers(), body, new WebhookVectorsTest.MapReplay()).isVerified(),
                        scheme.name() + " with one of two secrets");
            }
        }
    }

    @Test
    void stripeCopiesWithAddedOrDroppedSignaturesAreStillReplays() throws IOException {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        ApiKey key = ApiKey.builder(KEY).secret(OLD_SECRET).secret(SECRET).build();
        SignedHeaders both = sign(WebhookPresets.STRIPE, body, "x", NOW, List.of(Secret.of(OLD_SECRET), Secret.of(SECRET)));
        WebhookVectorsTest.MapReplay replay = new WebhookVectorsTest.MapReplay();
        assertTrue(verify(WebhookPresets.STRIPE, key, both.headers(), body, replay).isVerified());
        String header = both.get(Stripe.SIGNATURE);
        String[] parts = header.split(",");
        String junk = ",v1=" + "0".repeat(64);
        for (String copy : List.of(header + junk, parts[0] + junk + "," + parts[2] + "," + parts[1], parts[0] + "," + parts[1],
                parts[0] + "," + parts[2])) {
            Verification outcome = verify(WebhookPresets.STRIPE, key, Map.of(Stripe.SIGNATURE, copy), body, replay);
            assertEquals("REPLAYED", failure(outcome), copy);
        }
        assertEquals(1, replay.entries.size());
    }

    @Test
    void standardWebhooksRetriesOfOneMessageAreAcceptedAndCopiesOfAnAttemptAreNot() throws IOException {
        byte[] body = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
        WebhookVectorsTest.MapReplay replay = new WebhookVectorsTest.MapReplay();
        Map<String, String> first = sign(WebhookPresets.STANDARD_WEBHOOKS, body, "msg_1", NOW, List.of(Secret.of(SECRET))).headers();
        assertTrue(verify(WebhookPresets.STANDARD_WEBHOOKS, key(SECRET), first, body, replay).isVerified());
        assertEquals("REPLAYED", failure(verify(WebhookPresets.STANDARD_WEBHOOKS, key(SECRET), first, body, replay)));
        // A copy with junk added to the signature list is the same attempt.
        Map<String, String> padded = new HashMap<>(first);
        padded.put(StandardWebhooks.SIGNATURE, first.get(StandardWebhooks.SIGNATURE) + " v1," + "A".repeat(43) + "=");
        assertEquals("REPLAYED", failure(verify(WebhookPresets.STANDARD_WEBHOOKS, key(SECRET), padded, body, replay)));
        // The spec's retry: same id, new attempt timestamp, signed again.
        Map<String, String> retry = sign(WebhookPresets.STANDARD_WEBHOOKS, body, "msg_1", NOW.plusSeconds(5), List.of(Secret.of(SECRET))).headers();
        assertTrue(verify(WebhookPresets.STANDARD_WEBHOOKS, key(SECRET), retry, body, replay, NOW.plusSeconds(5)).isVerified());
    }

    @Test
    void untimedSendersRefuseACopyWhateverDeliveryIdItCarries() throws IOException {
        byte[] body = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);
        for (WebhookScheme scheme : List.of(WebhookPresets.GITHUB, WebhookPresets.SHOPIFY)) {
            WebhookVectorsTest.MapReplay replay = new WebhookVectorsTest.MapReplay();
            Map<String, String> first = sign(scheme, body, "delivery-1", NOW, List.of(Secret.of(SECRET))).headers();
            assertTrue(verify(scheme, key(SECRET), first, body, replay).isVerified());
            Map<String, String> renamed = new HashMap<>(first);
            String idHeader = scheme == WebhookPresets.GITHUB ? GitHub.DELIVERY : Shopify.WEBHOOK_ID;
            renamed.put(idHeader, "delivery-2"); // not signed: an attacker picks any
            assertEquals("REPLAYED", failure(verify(scheme, key(SECRET), renamed, body, replay)), scheme.name());
            // No timestamp: a day later the same delivery is as valid as ever, and only the cache remembers it.
            assertEquals("REPLAYED", failure(verify(scheme, key(SECRET), first, body, replay, NOW.plus(java.time.Duration.ofDays(365)))));
        }
    }

    @Test
    void theStandardWebhooksSecretIsBase64KeyBytesWithOrWithoutItsPrefixAndStripesIsText() throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base64 = SECRET.substring("whsec_".length());
        Map<String, String> sw = sign(WebhookPresets.STANDARD_WEBHOOKS, body, "msg", NOW, List.of(Secret.of(SECRET))).headers();
        assertTrue(verify(WebhookPresets.STANDARD_WEBHOOKS, key(base64), sw, body, new WebhookVectorsTest.MapReplay()).isVerified());
        assertTrue(verify(WebhookPresets.STANDARD_WEBHOOKS, key(base64.replace("=", "")), sw, body, new WebhookVectorsTest.MapReplay()).isVerified(),
                "padding may be left off");
        assertEquals(Optional.empty(), StandardWebhooks.decodeSecret("whsec_not base64!"));
        assertEquals(Optional.empty(), StandardWebhooks.decodeSecret("whsec_"));
        assertEquals("SIGNATURE_MISMATCH", failure(verify(WebhookPresets.STANDARD_WEBHOOKS, key("whsec_not base64!"), sw, body,
                new WebhookVectorsTest.MapReplay())), "a secret that is not one never matches, and never throws");
        // Stripe uses the whole whsec_ text as the HMAC key.
        Map<String, String> stripe = sign(WebhookPresets.STRIPE, body, "x", NOW, List.of(Secret.of(SECRET))).headers();
        assertFalse(verify(WebhookPresets.STRIPE, key(base64), stripe, body, new WebhookVectorsTest.MapReplay()).isVerified());
        assertTrue(verify(WebhookPresets.STRIPE, key(SECRET), stripe, body, new WebhookVectorsTest.MapReplay()).isVerified());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theBodyIsReadOnceAsAStreamAndATooLargeOneIsReported(WebhookScheme scheme) throws IOException {
        byte[] body = new byte[100_000];
        new Random(1).nextBytes(body);
        Map<String, String> headers = sign(scheme, body, "msg", NOW, List.of(Secret.of(SECRET))).headers();
        Credentials c = (Credentials) scheme.readCredentials(new ReceivedRequest("POST", "/", HeaderSource.of(headers)), Optional.of(KEY));
        int[] reads = {0};
        BodySource chunked = sink -> {
            reads[0]++;
            for (int i = 0; i < body.length; i += 777) {
                sink.update(body, i, Math.min(777, body.length - i));
            }
            return true;
        };
        ApiKey key = key(SECRET);
        assertEquals(SignatureCheck.Outcome.MATCH, scheme.checkSignature(c, null, chunked, key, NOW).outcome());
        assertEquals(1, reads[0]);
        assertEquals(SignatureCheck.Outcome.BODY_TOO_LARGE, scheme.checkSignature(c, null, sink -> false, key, NOW).outcome());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aMismatchSaysWhatWasSignedWithoutTheBodyOrASecret(WebhookScheme scheme) throws IOException {
        byte[] body = "{\"secret\":\"not in the answer\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = sign(scheme, body, "msg_d", NOW, List.of(Secret.of(OLD_SECRET))).headers();
        Credentials c = (Credentials) scheme.readCredentials(new ReceivedRequest("POST", "/", HeaderSource.of(headers)), Optional.of(KEY));
        SignatureCheck check = scheme.checkSignature(c, null, BodySource.of(body), key(SECRET), NOW);
        assertEquals(SignatureCheck.Outcome.MISMATCH, check.outcome());
        String shown = check.signedStringRedacted().orElseThrow();
        assertTrue(shown.endsWith("<the " + body.length + " raw body bytes>"), shown);
        assertFalse(shown.contains("not in the answer"));
        assertFalse(shown.contains(SECRET.substring(6)) || shown.contains(OLD_SECRET.substring(6)));
    }

    @Test
    void headersThatAreNotTheSendersAreRefusedAtStepOneNeverThrown() {
        Map<WebhookScheme, List<Map<String, String>>> bad = Map.of(
                WebhookPresets.STANDARD_WEBHOOKS, List.of(
                        Map.of("webhook-id", "m\u0001sg", "webhook-timestamp", "1", "webhook-signature", "v1," + "A".repeat(43) + "="),
                        Map.of("webhook-id", "m", "webhook-timestamp", "-1", "webhook-signature", "v1," + "A".repeat(43) + "="),
                        Map.of("webhook-id", "m", "webhook-timestamp", "99999999999999999999", "webhook-signature", "v1,x"),
                        Map.of("webhook-id", "m", "webhook-timestamp", "1", "webhook-signature", ("v1," + "A".repeat(43) + "= ").repeat(17)),
                        Map.of("webhook-id", "m", "webhook-timestamp", "1", "webhook-signature", "v1,".repeat(2000))),
                WebhookPresets.STRIPE, List.of(Map.of("Stripe-Signature", "t=1,t=2,v1=" + "0".repeat(64)),
                        Map.of("Stripe-Signature", "v1=" + "0".repeat(64)), Map.of("Stripe-Signature", ",,,="),
                        Map.of("Stripe-Signature", "t=1e3,v1=" + "0".repeat(64))),
                WebhookPresets.GITHUB, List.of(Map.of("X-Hub-Signature-256", "sha1=" + "0".repeat(40)),
                        Map.of("X-Hub-Signature-256", "sha256=" + "g".repeat(64)), Map.of("X-Hub-Signature-256", "sha256=")),
                WebhookPresets.SLACK, List.of(Map.of("X-Slack-Request-Timestamp", "now", "X-Slack-Signature", "v0=" + "0".repeat(64)),
                        Map.of("X-Slack-Request-Timestamp", "1", "X-Slack-Signature", "v0=" + "0".repeat(63))),
                WebhookPresets.SHOPIFY, List.of(Map.of("X-Shopify-Hmac-Sha256", "0".repeat(64)),
                        Map.of("X-Shopify-Hmac-Sha256", "=".repeat(44))));
        bad.forEach((scheme, cases) -> {
            for (Map<String, String> headers : cases) {
                Object parsed = scheme.readCredentials(new ReceivedRequest("POST", "/", HeaderSource.of(headers)), Optional.of(KEY));
                assertEquals("MALFORMED_CREDENTIALS", assertInstanceOf(Refusal.class, parsed, scheme.name() + " " + headers).failure().name(),
                        scheme.name() + " " + headers);
            }
        });
    }

    @Test
    void aHeaderSentTwiceIsRefused() {
        HeaderSource twice = name -> name.equalsIgnoreCase("X-Hub-Signature-256")
                ? List.of("sha256=" + "0".repeat(64), "sha256=" + "1".repeat(64)) : List.of();
        Object parsed = WebhookPresets.GITHUB.readCredentials(new ReceivedRequest("POST", "/", twice), Optional.of(KEY));
        assertEquals("Header X-Hub-Signature-256 must appear once", assertInstanceOf(Refusal.class, parsed).detail());
    }

    @Test
    void theSchemesDescribeThemselvesForThePipeline() {
        for (WebhookScheme scheme : WebhookPresets.all()) {
            assertTrue(scheme.keyNamedByEndpoint(), scheme.name());
            assertFalse(scheme.requiresEndpointScope(), scheme.name());
            assertTrue(scheme.windowBothWays(), scheme.name());
            assertEquals(dev.signet.core.scheme.ErrorFormat.PROBLEM, scheme.errorFormat());
            assertEquals(scheme, WebhookPresets.byName(scheme.name().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
        }
        assertEquals(java.time.Duration.ofSeconds(300), WebhookPresets.STRIPE.window());
        assertEquals(java.time.Duration.ofMinutes(5), WebhookPresets.SLACK.window());
        assertEquals(java.time.Duration.ofMinutes(5), WebhookPresets.STANDARD_WEBHOOKS.window());
        assertTrue(WebhookPresets.GITHUB.untimed() && WebhookPresets.SHOPIFY.untimed());
        assertFalse(WebhookPresets.STRIPE.untimed() || WebhookPresets.SLACK.untimed() || WebhookPresets.STANDARD_WEBHOOKS.untimed());
    }

    // ---- helpers ----

    static SignedHeaders sign(WebhookScheme scheme, byte[] body, String id, Instant at, List<Secret> secrets) throws IOException {
        return scheme.sign(new WebhookScheme.Delivery(id, at), secrets, BodySource.of(body));
    }

    static ApiKey key(String secret) {
        return ApiKey.of(KEY, secret);
    }

    static Verification verify(WebhookScheme scheme, ApiKey key, Map<String, String> headers, byte[] body,
            Ports.ReplayStore replay) throws IOException {
        return verify(scheme, key, headers, body, replay, NOW);
    }

    static Verification verify(WebhookScheme scheme, ApiKey key, Map<String, String> headers, byte[] body,
            Ports.ReplayStore replay, Instant now) throws IOException {
        VerificationPipeline pipeline = VerificationPipeline.forServer(scheme, Clock.fixed(now, ZoneOffset.UTC),
                id -> id.equals(key.id()) ? Optional.of(key) : Optional.empty(), replay, Ports.RateBudget.unlimited(),
                r -> Optional.empty(), Ports.TenantBinding.none()).build();
        return pipeline.verify(new ReceivedRequest("POST", "/hooks", HeaderSource.of(headers)), BodySource.of(body),
                new Endpoint(Set.of(), Optional.of(key.id())));
    }

    static String failure(Verification outcome) {
        return outcome instanceof Refusal r ? r.failure().name() : "VERIFIED";
    }
}
