// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.address.ForwardedAddresses;
import dev.signet.core.internal.address.ForwardedHeader;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.NonceFormat;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.internal.signing.RequestSigner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Fuzzes the pipeline with requests that were really signed with a key's secret, then altered by the fuzzer:
 * method, path, body, header values and names, duplicated or removed headers, re-spelled timestamps and
 * signatures, and the time of signing. Where the forgery test cannot get past the signature, this one reaches
 * the replay record, the allowlist, scopes and rate limit.
 *
 * <p>Invariants: {@code verify} never throws; a request that verifies carries, for every component its scheme
 * signs, exactly what was signed, was signed with a secret valid now by an active key, inside the window; the
 * replay store records and the rate budget is charged only when the signature matched; the same request sent
 * again, or with its signature re-spelled, is refused as a replay under every scheme with a replay key; and an
 * unaltered request of an unrestricted key, signed inside the window, verifies.
 */
public class SignedRequestFuzzTest {

    static final List<String> SIGNING_KEYS = List.of("key-1", "key-disabled", "key-revoked", "key-expired",
            "key-rotating", "key-tenant", "key-ip", "key-limited");

    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

    @FuzzTest(maxDuration = "10s")
    public void alteredSignedRequestVerifiesOnlyIfNothingSignedChanged(FuzzedDataProvider data) throws IOException {
        Scheme scheme = data.pickValue(Presets.all());
        ApiKey key = FuzzPorts.KEYS.get(data.pickValue(SIGNING_KEYS));
        Secret secret = data.pickValue(key.secrets());
        String method = FuzzedRequests.method(data);
        String path = FuzzedRequests.path(data);
        byte[] body = data.consumeBytes(48);
        long window = scheme.window().toSeconds();
        Instant signedAt = FuzzPorts.NOW.plusSeconds(data.consumeLong(-2 * window, 2 * window));
        String nonce = scheme.headers().hasNonce() ? wellFormedNonce(scheme.nonceFormat(), data) : null;
        Map<String, String> signed = new RequestSigner(scheme, Clock.fixed(signedAt, ZoneOffset.UTC), () -> nonce)
                .sign(new CanonicalRequest(method, path, BodyHash.of(body)), key.id(), secret).headers();

        // The fuzzer's alterations.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(name, FuzzedRequests.list(value)));
        String sentMethod = method;
        String sentPath = path;
        byte[] sentBody = body;
        int alterations = data.consumeInt(0, 4);
        for (int i = 0; i < alterations; i++) {
            switch (data.consumeInt(0, 9)) {
                case 0 -> sentMethod = data.consumeBoolean() ? sentMethod.toLowerCase(Locale.ROOT) : FuzzedRequests.method(data);
                case 1 -> sentPath = data.consumeBoolean() ? sentPath + data.consumeString(4) : FuzzedRequests.path(data);
                case 2 -> sentBody = data.consumeBytes(48);
                case 3 -> headers.computeIfAbsent(data.pickValue(List.copyOf(signed.keySet())), n -> new ArrayList<>())
                        .replaceAll(v -> FuzzedRequests.headerValue(data));
                case 4 -> headers.computeIfAbsent(data.pickValue(List.copyOf(signed.keySet())), n -> new ArrayList<>())
                        .add(data.consumeBoolean() ? signed.get(data.pickValue(List.copyOf(signed.keySet()))) : FuzzedRequests.headerValue(data));
                case 5 -> headers.remove(data.pickValue(List.copyOf(headers.keySet().isEmpty() ? signed.keySet() : headers.keySet())));
                case 6 -> { // the same header under a name in another case: found all the same
                    String name = data.pickValue(List.copyOf(signed.keySet()));
                    List<String> values = headers.remove(name);
                    if (values != null) {
                        headers.put(data.consumeBoolean() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT), values);
                    }
                }
                case 7 -> headers.computeIfAbsent(FuzzedRequests.headerName(data), n -> new ArrayList<>())
                        .add(FuzzedRequests.headerValue(data));
                case 8 -> respell(headers, scheme.headers().timestamp(), v -> "0" + v);
                default -> respell(headers, scheme.headers().keyId(), v -> v.toUpperCase(Locale.ROOT));
            }
        }
        String peer = data.consumeBoolean() ? null : data.pickValue(FuzzedRequests.ADDRESSES);
        Set<String> scopes = FuzzedRequests.scopes(data);
        boolean tenantHeader = data.consumeBoolean();
        long rateAnswer = data.consumeBoolean() ? 0 : data.consumeLong(0, 60);
        ForwardedHeader forwarded = data.pickValue(ForwardedHeader.values());
        boolean diagnostics = data.consumeBoolean();

        FuzzPorts.ReplayStore replay = new FuzzPorts.ReplayStore(false);
        FuzzPorts.RateBudget rate = new FuzzPorts.RateBudget(rateAnswer);
        VerificationPipeline pipeline = VerificationPipeline.forServer(scheme, Clock.fixed(FuzzPorts.NOW, ZoneOffset.UTC),
                        FuzzPorts::find, replay, rate, new ForwardedAddresses(VerificationPipelineFuzzTest.TRUSTED_PROXIES, forwarded),
                        tenantHeader ? Ports.TenantBinding.header(FuzzPorts.TENANT_HEADER) : Ports.TenantBinding.none())
                .diagnostics(diagnostics).build();
        ReceivedRequest request = new ReceivedRequest(sentMethod, sentPath, HeaderSource.ofLists(headers), peer);
        BodyHash sentHash = BodyHash.of(sentBody);
        FuzzPorts.RecordingTrace trace = new FuzzPorts.RecordingTrace();

        Verification result = pipeline.verify(request, BodySource.ofHash(sentHash), Endpoint.scoped(scopes), trace);

        String where = scheme.name() + ", key " + key.id() + ", headers " + headers + ": " + result;
        boolean signatureMatched = trace.passed(Step.SIGNATURE);
        assertEquals(signatureMatched && scheme.replayKey() != ReplayKey.NONE ? 1 : 0, replay.recorded, where);
        assertTrue(signatureMatched || rate.charged == 0, where);
        if (result instanceof Refusal refusal) {
            trace.assertEndsWith(refusal);
            assertFalse(refusal.detail().isBlank(), where);
            assertEquals(refusal.failure() == Failure.RATE_LIMITED ? rateAnswer : 0, refusal.retryAfterSeconds(), where);
            if (isUntouchedRequestOfAnUnrestrictedKey(alterations, key, secret, signedAt, scheme, scopes, tenantHeader, rateAnswer)) {
                fail("a genuine request was refused: " + where);
            }
            return;
        }
        Verified verified = assertInstanceOf(Verified.class, result);
        HeaderSource received = request.headers();
        if (scheme.covers(Component.METHOD)) {
            assertEquals(method.toUpperCase(Locale.ROOT), sentMethod.toUpperCase(Locale.ROOT), where);
        }
        if (scheme.covers(Component.PATH)) {
            assertEquals(path, sentPath, where);
        }
        if (scheme.covers(Component.BODY_HASH)) {
            assertEquals(BodyHash.of(body), sentHash, where);
        }
        if (scheme.covers(Component.KEY_ID)) {
            assertEquals(key.id(), received.single(scheme.headers().keyId()).trim(), where);
        }
        assertEquals(signed.get(scheme.headers().timestamp()), received.single(scheme.headers().timestamp()).trim(), where);
        if (scheme.headers().hasNonce()) {
            assertEquals(nonce, received.single(scheme.headers().nonce()).trim(), where);
        }
        // Verified as the key whose secret signed it, an active one, with that secret still valid.
        assertEquals(key.id(), verified.key().id(), where);
        assertTrue(verified.key().secretsValidAt(FuzzPorts.NOW).stream().anyMatch(s -> s.reveal().equals(secret.reveal())), where);
        assertEquals(KeyStatus.ACTIVE, verified.key().status(), where);
        assertFalse(verified.key().isExpiredAt(FuzzPorts.NOW), where);
        assertTrue(insideWindow(scheme, signedAt), where);
        assertTrue(verified.key().hasScopes(scopes), where);
        assertTrue(verified.key().allowedIps().isEmpty() || verified.clientAddress().filter(verified.key()::allowsAddress).isPresent(), where);

        // Sent again, as it was or with its signature re-spelled: a replay, under every scheme that has a replay key.
        if (scheme.replayKey() != ReplayKey.NONE) {
            assertReplayRefused(pipeline, request, sentHash, scopes, where);
            Map<String, List<String>> respelled = new LinkedHashMap<>(headers);
            respell(respelled, scheme.headers().signature(),
                    v -> " " + (scheme.encoding() == SignatureEncoding.HEX ? v.toUpperCase(Locale.ROOT) : v) + "\t");
            assertReplayRefused(pipeline, new ReceivedRequest(sentMethod, sentPath, HeaderSource.ofLists(respelled), peer),
                    sentHash, scopes, where);
            assertEquals(1, replay.recorded, where);
        }
    }

    private static void assertReplayRefused(VerificationPipeline pipeline, ReceivedRequest request, BodyHash hash,
            Set<String> scopes, String where) throws IOException {
        Verification again = pipeline.verify(request, BodySource.ofHash(hash), Endpoint.scoped(scopes), Trace.NONE);
        assertEquals(Failure.REPLAYED, assertInstanceOf(Refusal.class, again, () -> "replayed and accepted: " + where).failure(), where);
    }

    /** Rewrites every value of the header received under {@code name} (whatever its case). */
    private static void respell(Map<String, List<String>> headers, String name, java.util.function.UnaryOperator<String> how) {
        headers.forEach((n, values) -> {
            if (n.equalsIgnoreCase(name)) {
                values.replaceAll(how);
            }
        });
    }

    /**
     * The window counts back from now; ahead of now only the pipeline's clock skew (its default, 5 s) is
     * accepted, unless the scheme's document bounds the drift both ways.
     */
    private static boolean insideWindow(Scheme scheme, Instant signedAt) {
        Duration drift = Duration.between(signedAt, FuzzPorts.NOW);
        Duration ahead = scheme.windowBothWays() ? scheme.window() : DEFAULT_CLOCK_SKEW;
        return drift.compareTo(scheme.window()) <= 0 && drift.negated().compareTo(ahead) <= 0;
    }

    private static String wellFormedNonce(NonceFormat format, FuzzedDataProvider data) {
        if (format == NonceFormat.UUID || data.consumeBoolean()) {
            return new UUID(data.consumeLong(), data.consumeLong()).toString();
        }
        String token = data.consumeAsciiString(128).chars().filter(c -> c > 0x20 && c < 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return token.isEmpty() ? "n" : token;
    }

    /**
     * A request nothing altered, of the key with no restriction, signed with a valid secret inside the window,
     * to an endpoint asking only scopes the key holds, with no tenant header required and a rate budget left.
     */
    private static boolean isUntouchedRequestOfAnUnrestrictedKey(int alterations, ApiKey key, Secret secret, Instant signedAt,
            Scheme scheme, Set<String> scopes, boolean tenantHeader, long rateAnswer) {
        return alterations == 0 && key.id().equals("key-1") && secret.isValidAt(FuzzPorts.NOW)
                && insideWindow(scheme, signedAt)
                && key.hasScopes(scopes) && !(scopes.isEmpty() && scheme.requiresEndpointScope())
                && !tenantHeader && rateAnswer == 0;
    }
}
