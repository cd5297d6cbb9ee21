// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One key's signer for outgoing requests: takes the timestamp and nonce for each call, signs, and writes the
 * scheme's headers into a request. Thread-safe; the only state that changes is the clock's learned offset
 * and the record of recently used timestamps, both built for concurrent use.
 */
final class OutgoingSigner implements CallSigner {

    private final Scheme scheme;
    private final String keyId;
    private final Secret secret;
    private final CorrectableClock clock;
    private final Supplier<String> nonces;
    private final BiConsumer<CanonicalRequest, SignedHeaders> onSigned;
    private final RequestSigner signer;
    /** Every header the scheme writes when it signs. */
    private final List<String> schemeHeaderNames;
    /** Only for schemes whose replay key is (key, timestamp, signature); null otherwise. */
    private final DistinctTimestamps distinctTimestamps;

    OutgoingSigner(Scheme scheme, String keyId, Secret secret, CorrectableClock clock, Supplier<String> nonces,
            BiConsumer<CanonicalRequest, SignedHeaders> onSigned) {
        this.scheme = scheme;
        this.keyId = keyId;
        this.secret = secret;
        this.clock = clock;
        this.nonces = nonces;
        this.onSigned = onSigned;
        this.signer = new RequestSigner(scheme, clock, nonces);
        this.schemeHeaderNames = Stream.of(scheme.headers().keyId(), scheme.headers().timestamp(),
                scheme.headers().signature(), scheme.headers().nonce()).filter(Objects::nonNull).toList();
        this.distinctTimestamps = scheme.replayKey() == ReplayKey.KEY_TIMESTAMP_SIGNATURE
                ? new DistinctTimestamps(scheme) : null;
    }

    Scheme scheme() {
        return scheme;
    }

    String keyId() {
        return keyId;
    }

    CorrectableClock clock() {
        return clock;
    }

    @Override
    public boolean coversBody() {
        return scheme.covers(Component.BODY_HASH);
    }

    /**
     * Fails if {@code headers} already hold a header this scheme writes, in any spelling. Left alone, the
     * call would go out with the application's value as its credential (json-payload's {@code authorization}
     * is also where applications put bearer tokens); overwritten, the application's value would vanish
     * unseen. The message names the header, never its value, which may be a credential.
     */
    @Override
    public void refuseSchemeHeaders(MultivaluedMap<String, Object> headers) {
        for (String present : headers.keySet()) {
            if (schemeHeaderNames.stream().anyMatch(present::equalsIgnoreCase)) {
                throw new IllegalStateException("the request already has a header " + present + ", which the "
                        + scheme.name() + " signature writes: remove it from the request, or do not register the"
                        + " SigningFeature on a client whose calls carry it");
            }
        }
    }

    @Override
    public void signWithoutBody(String method, String path, String query, MultivaluedMap<String, Object> headers) {
        signInto(new CanonicalRequest(method, path, query, BodyHash.EMPTY), headers);
    }

    @Override
    public void signBody(String method, String path, String query, SpooledBody body, MultivaluedMap<String, Object> headers) {
        signInto(new CanonicalRequest(method, path, query, body.hash()), headers);
    }

    /**
     * Signs {@code request} with a fresh timestamp and nonce and sets the scheme's headers on {@code headers},
     * which must not hold any of them yet ({@link #refuseSchemeHeaders}).
     */
    void signInto(CanonicalRequest request, MultivaluedMap<String, Object> headers) {
        // Checked again here: an inner writer interceptor may have added headers since the request filter ran.
        refuseSchemeHeaders(headers);
        SignedHeaders signed = sign(request);
        for (Map.Entry<String, String> header : signed.headers().entrySet()) {
            headers.putSingle(header.getKey(), header.getValue());
        }
        onSigned.accept(request, signed);
    }

    private SignedHeaders sign(CanonicalRequest request) {
        Instant now = clock.instant();
        if (distinctTimestamps != null) {
            now = distinctTimestamps.claim(request, now);
        }
        String nonce = null;
        if (scheme.headers().hasNonce()) {
            nonce = nonces.get();
            if (nonce == null || !scheme.nonceFormat().accepts(nonce)) {
                throw new IllegalStateException("the nonce supplier gave a value that scheme "
                        + scheme.name() + " does not accept as " + scheme.nonceFormat());
            }
        }
        return signer.signAt(request, keyId, secret, scheme.timestampFormat().format(now), nonce);
    }
}
