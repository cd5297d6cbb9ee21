// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.signing;

import dev.signet.core.internal.canonical.CanonicalRequest;

import dev.signet.core.internal.crypto.HmacSha256;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.ComponentValues;
import dev.signet.core.scheme.Scheme;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs requests under one scheme. Immutable and thread-safe: every call takes a fresh timestamp from the
 * clock and, where the scheme has one, a fresh nonce, so a retry is never a replay.
 */
public final class RequestSigner {

    private final Scheme scheme;
    private final Clock clock;
    private final Supplier<String> nonces;

    public RequestSigner(Scheme scheme, Clock clock, Supplier<String> nonces) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** The system UTC clock and random UUID v4 nonces, as the seed documents ask for. */
    public static RequestSigner of(Scheme scheme) {
        return new RequestSigner(scheme, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public Scheme scheme() {
        return scheme;
    }

    public SignedHeaders sign(CanonicalRequest request, String keyId, Secret secret) {
        String timestamp = scheme.timestampFormat().format(clock.instant());
        String nonce = scheme.headers().hasNonce() ? nonces.get() : null;
        return signAt(request, keyId, secret, timestamp, nonce);
    }

    /** Signs with a given timestamp text and nonce: for test vectors and for tools that replay a capture. */
    public SignedHeaders signAt(CanonicalRequest request, String keyId, Secret secret, String timestamp, String nonce) {
        ComponentValues values = values(request, keyId, secret, timestamp, nonce);
        byte[] mac = HmacSha256.mac(secret.keyBytes(), scheme.recipe().render(values));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(scheme.headers().keyId(), keyId);
        if (scheme.headers().hasNonce()) {
            headers.put(scheme.headers().nonce(), Objects.requireNonNull(nonce, "this scheme needs a nonce"));
        }
        headers.put(scheme.headers().timestamp(), timestamp);
        headers.put(scheme.headers().signature(), scheme.encoding().encode(mac));
        return new SignedHeaders(headers);
    }

    /** The exact string that {@link #signAt} MACs, with any secret redacted, to debug a canonicalisation. */
    public String signedStringRedacted(CanonicalRequest request, String keyId, String timestamp, String nonce) {
        return scheme.recipe().renderRedacted(values(request, keyId, null, timestamp, nonce));
    }

    private static ComponentValues values(CanonicalRequest r, String keyId, Secret secret, String timestamp, String nonce) {
        return ComponentValues.of(r, keyId, timestamp, nonce, secret);
    }
}
