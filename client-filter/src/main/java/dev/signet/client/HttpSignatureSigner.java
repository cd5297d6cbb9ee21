// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.HttpSignatures;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The feature's signer for one request: a fresh created and nonce, then the three fields set. Thread-safe. */
final class HttpSignatureSigner {

    private static final List<String> WRITTEN = List.of(HttpSignatures.SIGNATURE, HttpSignatures.SIGNATURE_INPUT,
            ContentDigest.FIELD);

    private final Rfc9421Signer signer;
    private final java.time.Clock clock;
    private final Supplier<String> nonces;

    HttpSignatureSigner(Rfc9421Signer signer, java.time.Clock clock, Supplier<String> nonces) {
        this.signer = signer;
        this.clock = clock;
        this.nonces = nonces;
    }

    DigestAlgorithm digestAlgorithm() {
        return signer.digestAlgorithm();
    }

    /** Fails, naming the header (never its value), when the request already carries a field this signature writes. */
    void refuseOwnHeaders(MultivaluedMap<String, ?> headers) {
        for (String present : headers.keySet()) {
            if (WRITTEN.stream().anyMatch(present::equalsIgnoreCase)) {
                throw new IllegalStateException("the request already has a header " + present + ", which the rfc9421"
                        + " signature writes: remove it from the request");
            }
        }
    }

    /** Signs and sets the fields; {@code digests} are the body's, or null for a request without an entity. */
    void signInto(String method, String targetUri, MultivaluedMap<String, Object> headers,
            Map<DigestAlgorithm, byte[]> digests) {
        refuseOwnHeaders(headers);
        HeaderSource source = name -> {
            for (Map.Entry<String, List<Object>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().stream().map(String::valueOf).toList();
                }
            }
            return List.of();
        };
        Rfc9421Signer.Result result = signer.sign(method, targetUri, source, digests, clock.instant(), nonces.get());
        result.headers().forEach(headers::putSingle);
    }
}
