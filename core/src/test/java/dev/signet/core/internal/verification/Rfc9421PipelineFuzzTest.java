// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.HttpSignatures;
import dev.signet.core.internal.rfc9421.Rfc9421Policy;
import dev.signet.core.internal.rfc9421.Rfc9421Scheme;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.PublicVerificationKey;
import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fuzzes the rfc9421 scheme through the one pipeline: a request either really signed (HMAC or Ed25519, under a
 * key id the fuzzer picks, which may not be the signing key's) and then altered, or carrying
 * {@code Signature-Input}, {@code Signature} and {@code Content-Digest} fields made by the fuzzer, from any text
 * or from pieces of well-formed fields; lines may be duplicated, fields removed, the policy varied.
 *
 * <p>Invariants: {@code verify} never throws; the result is {@code Verified} only for a request signed with the
 * secret or private key of the key it verified as, whose method, target and body are those signed, inside the
 * window and not past its {@code expires}; the replay store records nothing unless the signature step passed,
 * and records once when verified; a refusal's trace ends on its step and its detail is not blank.
 */
public class Rfc9421PipelineFuzzTest {

    static final Instant NOW = FuzzPorts.NOW;
    static final String HMAC_SECRET = FuzzPorts.SECRET + "/rfc9421";
    static final KeyPair ED25519 = ed25519();

    /** Keys the server knows: two HMAC keys with their own secrets, an Ed25519 key, and an expired HMAC key. */
    static final Map<String, ApiKey> KEYS = keys();

    /** Keys a signer may use: the known ones, and an Ed25519 pair the server does not know. */
    static final List<String> SIGNERS = List.of("k-hmac", "k-hmac-2", "k-ed25519", "k-expired", "k-stranger");
    static final KeyPair STRANGER = ed25519();

    static final List<String> KEY_IDS = List.of("k-hmac", "k-hmac-2", "k-ed25519", "k-expired", "K-HMAC", "nobody",
            FuzzPorts.UNAVAILABLE, "");
    static final List<String> METHODS = List.of("POST", "GET", "PUT", "post", "DELETE");
    static final List<String> TARGETS = List.of("https://api.example.com/ctx/api/items?id=7",
            "https://api.example.com/ctx/api/items", "http://api.example.com:8080/a%20b?x=1&x=2",
            "https://API.example.com/ctx/api/items?id=7", "https://api.example.com/");
    static final List<String> LABELS = List.of("sig1", "sig2", "app", "a");
    static final List<String> COMPONENTS = List.of("\"@method\"", "\"@target-uri\"", "\"@authority\"", "\"@path\"",
            "\"@query\"", "\"@scheme\"", "\"@request-target\"", "\"@query-param\";name=\"id\"", "\"@query-param\"",
            "\"@status\"", "\"content-digest\"", "\"content-type\"", "\"content-length\"", "\"x-missing\"",
            "\"content-type\";sf", "\"content-digest\";key=\"sha-256\"", "\"content-type\";bs", "\"@method\";req",
            "\"@signature-params\"", "\"signature\";key=\"sig1\"", "\"@METHOD\"", "\"Content-Type\"", "@method", "?1");
    static final List<String> PARAMS = List.of("created", "expires", "keyid", "alg", "nonce", "tag", "other");
    static final List<String> ALGS = List.of("hmac-sha256", "ed25519", "rsa-pss-sha512", "ecdsa-p256-sha256", "none", "HMAC-SHA256");

    @FuzzTest(maxDuration = "10s")
    public void hostileSignatureFieldsAreRefusedAndLeaveNoTrace(FuzzedDataProvider data) throws IOException {
        Rfc9421Policy policy = switch (data.consumeInt(0, 4)) {
            case 0 -> Rfc9421Policy.DEFAULT.withNonceRequired(true);
            case 1 -> Rfc9421Policy.DEFAULT.withTag("app");
            case 2 -> Rfc9421Policy.DEFAULT.withLabel("sig1");
            case 3 -> Rfc9421Policy.DEFAULT.withRequired(List.of(ComponentId.of("content-type")));
            default -> Rfc9421Policy.DEFAULT;
        };
        boolean genuine = data.consumeBoolean();
        String signerId = data.pickValue(SIGNERS);
        String claimedId = data.consumeBoolean() ? signerId : data.pickValue(KEY_IDS);
        String method = data.pickValue(METHODS);
        String target = data.pickValue(TARGETS);
        byte[] body = data.consumeBytes(32);
        long createdOffset = data.consumeLong(-400, 400);
        Long expiresAfter = data.consumeBoolean() ? data.consumeLong(0, 400) : null;
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (data.consumeBoolean()) {
            add(headers, "Content-Type", data.consumeBoolean() ? "application/json" : data.consumeString(20));
        }
        if (body.length > 0) {
            add(headers, "Content-Length", Integer.toString(body.length));
        }
        if (genuine) {
            Rfc9421Signer.Builder signer = Rfc9421Signer.builder(claimedId, signingKey(signerId))
                    .label(data.pickValue(LABELS)).includeAlg(data.consumeBoolean())
                    .digest(data.pickValue(DigestAlgorithm.values()));
            if (expiresAfter != null) {
                signer.expiresAfter(Duration.ofSeconds(expiresAfter));
            }
            if (data.consumeBoolean()) {
                signer.tag(data.consumeBoolean() ? "app" : data.consumeString(8));
            }
            if (data.consumeBoolean()) {
                signer.cover(ComponentId.of("content-type"));
            }
            Map<DigestAlgorithm, byte[]> digests = null;
            if (body.length > 0) {
                ContentDigest.Hasher h = new ContentDigest.Hasher(EnumSet.allOf(DigestAlgorithm.class));
                h.update(body, 0, body.length);
                digests = h.finish();
            }
            String nonce = data.consumeBoolean() ? null : "n-" + data.consumeInt(0, 3);
            try {
                signer.build().sign(method, target, HeaderSource.ofLists(headers), digests, NOW.plusSeconds(createdOffset), nonce)
                        .headers().forEach((n, v) -> add(headers, n, v));
            } catch (RuntimeException e) {
                // A covered component the request lacks (content-type) or a tag that is no sf-string: the signer
                // refuses, and the request goes out unsigned.
                genuine = false;
            }
        } else {
            add(headers, HttpSignatures.SIGNATURE_INPUT, signatureInput(data));
            add(headers, HttpSignatures.SIGNATURE, signature(data));
            if (data.consumeBoolean()) {
                add(headers, ContentDigest.FIELD, contentDigest(data));
            }
        }

        // The fuzzer's alterations.
        String sentMethod = method;
        String sentTarget = target;
        byte[] sentBody = body;
        int alterations = data.consumeInt(0, 3);
        for (int i = 0; i < alterations; i++) {
            switch (data.consumeInt(0, 9)) {
                case 0 -> headers.put(HttpSignatures.SIGNATURE_INPUT, new ArrayList<>(List.of(signatureInput(data))));
                case 1 -> headers.put(HttpSignatures.SIGNATURE, new ArrayList<>(List.of(signature(data))));
                case 2 -> add(headers, HttpSignatures.SIGNATURE_INPUT, data.consumeBoolean() ? signatureInput(data)
                        : first(headers, HttpSignatures.SIGNATURE_INPUT));
                case 3 -> add(headers, HttpSignatures.SIGNATURE, data.consumeBoolean() ? signature(data)
                        : first(headers, HttpSignatures.SIGNATURE));
                case 4 -> headers.put(ContentDigest.FIELD, new ArrayList<>(List.of(contentDigest(data))));
                case 5 -> headers.remove(data.pickValue(List.of(HttpSignatures.SIGNATURE_INPUT, HttpSignatures.SIGNATURE,
                        ContentDigest.FIELD, "Content-Type", "Content-Length")));
                case 6 -> sentMethod = data.pickValue(METHODS);
                case 7 -> sentTarget = data.pickValue(TARGETS);
                case 8 -> {
                    sentBody = data.consumeBytes(32);
                    headers.remove("Content-Length");
                    if (sentBody.length > 0) {
                        add(headers, "Content-Length", Integer.toString(sentBody.length));
                    }
                }
                default -> add(headers, data.pickValue(List.of("Content-Type", "X-Other")), data.consumeString(12));
            }
        }
        boolean failingStore = data.consumeBoolean();
        boolean diagnostics = data.consumeBoolean();

        FuzzPorts.ReplayStore replay = new FuzzPorts.ReplayStore(failingStore);
        FuzzPorts.RateBudget rate = new FuzzPorts.RateBudget(0);
        Ports.KeyLookup lookup = id -> {
            if (FuzzPorts.UNAVAILABLE.equalsIgnoreCase(id)) {
                throw new IllegalStateException("the fuzzed key repository is down");
            }
            return Optional.ofNullable(KEYS.get(id));
        };
        VerificationPipeline pipeline = VerificationPipeline.forServer(new Rfc9421Scheme(policy), Clock.fixed(NOW, ZoneOffset.UTC),
                lookup, replay, rate, r -> Optional.empty(), Ports.TenantBinding.none()).diagnostics(diagnostics).build();
        URI uri = URI.create(sentTarget);
        ReceivedRequest request = new ReceivedRequest(sentMethod, uri.getRawPath(), uri.getRawQuery(),
                HeaderSource.ofLists(headers), "127.0.0.1", sentTarget);
        FuzzPorts.RecordingTrace trace = new FuzzPorts.RecordingTrace();

        Verification result = pipeline.verify(request, BodySource.of(sentBody), Endpoint.scoped(Set.of()), trace);

        String where = "signed " + genuine + " by " + signerId + " as " + claimedId + ", " + sentMethod + " " + sentTarget
                + ", headers " + headers + ": " + result;
        assertNotNull(result, where);
        boolean signatureMatched = trace.passed(Step.SIGNATURE);
        assertTrue(signatureMatched || replay.recorded == 0, () -> "recorded without a matching signature: " + where);
        assertEquals(0, rate.charged, where);
        if (result instanceof Refusal refusal) {
            trace.assertEndsWith(refusal);
            assertFalse(refusal.detail().isBlank(), where);
            return;
        }
        Verified verified = assertInstanceOf(Verified.class, result);
        assertTrue(genuine, () -> "a request nobody signed verified: " + where);
        assertEquals(signerId, verified.key().id(), () -> "verified as a key that did not sign: " + where);
        assertEquals(method.toUpperCase(java.util.Locale.ROOT), sentMethod.toUpperCase(java.util.Locale.ROOT), where);
        assertEquals(target, sentTarget, where);
        assertTrue(Arrays.equals(body, sentBody), where);
        assertTrue(Math.abs(createdOffset) <= policy.window().toSeconds(), where);
        assertTrue(expiresAfter == null || createdOffset + expiresAfter >= 0, () -> "verified after its expires: " + where);
        assertFalse(failingStore, where);
        assertEquals(1, replay.recorded, where);
    }

    // ---- hostile field values ----

    static String signatureInput(FuzzedDataProvider data) {
        if (data.consumeInt(0, 3) == 0) {
            return data.consumeString(160);
        }
        StringBuilder out = new StringBuilder();
        int members = data.consumeInt(0, 3);
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                out.append(data.consumeBoolean() ? ", " : ",");
            }
            out.append(data.consumeBoolean() ? data.pickValue(LABELS) : data.consumeString(6)).append("=(");
            int components = data.consumeInt(0, 5);
            for (int c = 0; c < components; c++) {
                if (c > 0) {
                    out.append(' ');
                }
                out.append(data.consumeBoolean() ? data.pickValue(COMPONENTS) : data.consumeString(12));
            }
            out.append(')');
            int params = data.consumeInt(0, 6);
            for (int p = 0; p < params; p++) {
                String name = data.pickValue(PARAMS);
                out.append(';').append(name).append('=');
                switch (data.consumeInt(0, 3)) {
                    case 0 -> out.append(data.consumeString(16));
                    case 1 -> out.append(NOW.getEpochSecond() + data.consumeLong(-400, 400));
                    case 2 -> out.append('"').append(data.pickValue(name.equals("alg") ? ALGS : KEY_IDS)).append('"');
                    default -> out.append(data.consumeLong());
                }
            }
        }
        return out.toString();
    }

    static String signature(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeString(200);
            case 1 -> data.pickValue(LABELS) + "=" + data.consumeString(40);
            default -> data.pickValue(LABELS) + "=:" + Base64.getEncoder().encodeToString(data.consumeBytes(
                    data.pickValue(List.of(32, 64, 0, 1, 96, 256)))) + ":";
        };
    }

    static String contentDigest(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeString(120);
            case 1 -> data.pickValue(List.of("sha-256", "sha-512", "md5", "SHA-256")) + "=" + data.consumeString(60);
            default -> data.pickValue(List.of("sha-256", "sha-512", "md5")) + "=:" + Base64.getEncoder().encodeToString(
                    data.consumeBytes(data.pickValue(List.of(32, 64, 0, 31)))) + ":";
        };
    }

    // ---- fixtures ----

    static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    static SigningKey signingKey(String signerId) {
        return switch (signerId) {
            case "k-hmac" -> SigningKey.hmac(HMAC_SECRET);
            case "k-hmac-2" -> SigningKey.hmac(HMAC_SECRET + "/2");
            case "k-expired" -> SigningKey.hmac(HMAC_SECRET + "/expired");
            case "k-ed25519" -> SigningKey.of(SignatureAlgorithm.ED25519, ED25519.getPrivate());
            default -> SigningKey.of(SignatureAlgorithm.ED25519, STRANGER.getPrivate());
        };
    }

    private static Map<String, ApiKey> keys() {
        Map<String, ApiKey> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List.of(ApiKey.builder("k-hmac").secret(HMAC_SECRET).build(),
                ApiKey.builder("k-hmac-2").secret(HMAC_SECRET + "/2").build(),
                ApiKey.builder("k-expired").secret(HMAC_SECRET + "/expired").expiresAt(NOW.minusSeconds(1)).build(),
                ApiKey.builder("k-ed25519").publicKey(new PublicVerificationKey(SignatureAlgorithm.ED25519, ED25519.getPublic())).build())
                .forEach(k -> keys.put(k.id(), k));
        return keys;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
