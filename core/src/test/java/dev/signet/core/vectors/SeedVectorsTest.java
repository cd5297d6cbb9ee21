// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.internal.verification.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of every shared vector file: the signer produces it, and the verifier accepts it. */
class SeedVectorsTest {

    static Stream<Vectors.Case> lenme() {
        return Vectors.load(Vectors.LENME).stream();
    }

    static Stream<Vectors.Case> tender() {
        return Vectors.load(Vectors.TENDER).stream();
    }

    static Stream<Vectors.Case> canonicalHex() {
        return Vectors.load(Vectors.CANONICAL_HEX).stream();
    }

    static Stream<Vectors.Case> lampay() {
        return Vectors.load(Vectors.LAMPAY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenme")
    void timestampSecretSignsEachLenmeVector(Vectors.Case v) {
        // The body, method and path are not signed by this preset; any values give the document's HMAC.
        CanonicalRequest request = CanonicalRequest.withoutBody("GET", "/anything");
        assertSignsAndVerifies(Presets.TIMESTAMP_SECRET, v, request, v.get("keyId"), null, v.expected().get("X-HMAC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tender")
    void jsonPayloadRendersAndSignsEachTenderVector(Vectors.Case v) {
        CanonicalRequest request = CanonicalRequest.withoutBody("POST", "/v1/api/agent/create");
        RequestSigner signer = signer(Presets.JSON_PAYLOAD);
        assertEquals(v.expected().get("signedPayload"),
                Presets.JSON_PAYLOAD.recipe().render(new dev.signet.core.scheme.ComponentValues(
                        request.method(), request.path(), "", v.get("timestamp"), v.get("requestId"),
                        request.bodyHash().hex(), v.get("accessId"), Secret.of(v.get("secret")))));
        SignedHeaders headers = signer.signAt(request, v.get("accessId"), Secret.of(v.get("secret")),
                v.get("timestamp"), v.get("requestId"));
        assertEquals(v.expected().get("authorization"), headers.get("authorization"));
        if (v.get("accessId").chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            // Escaping cases test the builder alone: such ids cannot travel in a header.
            assertVerifiesAt(Presets.JSON_PAYLOAD, headers, request, v.get("accessId"), v.get("secret"),
                    Presets.JSON_PAYLOAD.timestampFormat().parse(v.get("timestamp")).orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalHex")
    void canonicalBuildsAndSignsEachCanonicalHexVector(Vectors.Case v) {
        CanonicalRequest request = requestOf(v);
        assertEquals(v.expected().get("canonical"), signer(Presets.CANONICAL)
                .signedStringRedacted(request, v.get("keyId"), v.get("timestamp"), null));
        assertSignsAndVerifies(Presets.CANONICAL, v, request, v.get("keyId"), null, v.expected().get("X-Signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lampay")
    void canonicalNonceBuildsAndSignsEachLampayVector(Vectors.Case v) {
        CanonicalRequest request = requestOf(v);
        assertEquals(v.expected().get("canonical"), signer(Presets.CANONICAL_NONCE)
                .signedStringRedacted(request, v.get("keyId"), v.get("timestamp"), v.get("nonce")));
        assertSignsAndVerifies(Presets.CANONICAL_NONCE, v, request, v.get("keyId"), v.get("nonce"),
                v.expected().get("X-Signature"));
    }

    private static CanonicalRequest requestOf(Vectors.Case v) {
        return new CanonicalRequest(v.get("method"), v.get("path"),
                BodyHash.of(v.get("body").getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSigner signer(Scheme scheme) {
        return new RequestSigner(scheme, Clock.systemUTC(), () -> {
            throw new AssertionError("vectors give their own nonce");
        });
    }

    private static void assertSignsAndVerifies(
            Scheme scheme, Vectors.Case v, CanonicalRequest request, String keyId, String nonce, String expected) {
        SignedHeaders headers = signer(scheme).signAt(request, keyId, Secret.of(v.get("secret")), v.get("timestamp"), nonce);
        assertEquals(expected, headers.get(scheme.headers().signature()));
        assertVerifiesAt(scheme, headers, request, keyId, v.get("secret"),
                scheme.timestampFormat().parse(v.get("timestamp")).orElseThrow());
    }

    private static void assertVerifiesAt(
            Scheme scheme, SignedHeaders headers, CanonicalRequest request, String keyId, String secret, Instant at) {
        ApiKey key = ApiKey.builder(keyId).secret(secret).scope("any").build();
        VerificationPipeline pipeline = VerificationPipeline.offline(scheme, Clock.fixed(at, ZoneOffset.UTC),
                id -> id.equals(keyId) ? Optional.of(key) : Optional.empty());
        var result = pipeline.verify(new ReceivedRequest(request.method(), request.path(), HeaderSource.of(headers.headers())),
                request.bodyHash(), java.util.Set.of("any"), Trace.NONE);
        assertInstanceOf(Verified.class, result, () -> "refused: " + result);
    }
}
