package dev.signet.client;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.signing.RequestSigner;
import dev.signet.core.canonical.CanonicalRequest;
import dev.signet.core.signing.SignedHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One key's signer for outgoing requests: takes the timestamp and nonce for each call, signs, and writes the
 * scheme's headers into a request. Thread-safe; the only state that changes is the clock's learned offset
 * and the record of recently used timestamps, both built for concurrent use.
 */
final class OutgoingSigner {

    private final Scheme scheme;
    private final String keyId;
    private final Secret secret;
    private final CorrectableClock clock;
    private final Supplier<String> nonces;
    private final BiConsumer<CanonicalRequest, SignedHeaders> onSigned;
    private final RequestSigner signer;
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

    /** Whether the signature depends on the body: if not, a request is signed without reading its entity. */
    boolean coversBody() {
        return scheme.covers(Component.BODY_HASH);
    }

    /** Whether {@code headers} already carry this scheme's signature, put there by the caller. */
    boolean alreadySigned(MultivaluedMap<String, Object> headers) {
        String name = scheme.headers().signature();
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Signs {@code request} with a fresh timestamp and nonce and sets the scheme's headers on {@code headers}. */
    void signInto(CanonicalRequest request, MultivaluedMap<String, Object> headers) {
        SignedHeaders signed = sign(request);
        for (Map.Entry<String, String> header : signed.headers().entrySet()) {
            // Header maps are not case-insensitive on every runtime: drop any spelling of the name first.
            headers.keySet().removeIf(header.getKey()::equalsIgnoreCase);
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
