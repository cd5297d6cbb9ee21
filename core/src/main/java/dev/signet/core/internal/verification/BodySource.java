// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.internal.crypto.BodyHash;
import java.io.IOException;
import java.util.Optional;

/**
 * The request body, read at most once and only when the scheme signs it and every cheaper step passed.
 * Reading keeps the exact bytes for the resource. The bytes pass through a {@link Sink} as they arrive, so a
 * scheme that MACs the raw body (webhook senders) needs no more memory than one that hashes it.
 */
@FunctionalInterface
public interface BodySource {

    /** Receives the body's bytes in order, as they are read. */
    @FunctionalInterface
    interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    /**
     * Streams the whole body through {@code sink}.
     *
     * @return false when the body is larger than the server accepts (the sink then saw only a part)
     */
    boolean read(Sink sink) throws IOException;

    /** The SHA-256 of the exact body bytes, or empty when the body is too large. */
    default Optional<BodyHash> sha256() throws IOException {
        BodyHash.Hasher hasher = BodyHash.hasher();
        if (!read(hasher::update)) {
            return Optional.empty();
        }
        return Optional.of(hasher.length() == 0 ? BodyHash.EMPTY : hasher.finish());
    }

    /** A body already in memory. */
    static BodySource of(byte[] bytes) {
        return sink -> {
            sink.update(bytes, 0, bytes.length);
            return true;
        };
    }

    /** A body known only by its hash, or (empty) one larger than the server accepts. */
    static BodySource ofHash(Optional<BodyHash> hash) {
        return hash.map(BodySource::ofHash).orElse(sink -> false);
    }

    /**
     * A body known only by its hash (tools and tests that hashed it already): enough for every scheme that
     * signs the hash; a scheme that needs the raw bytes gets none and its signature cannot match.
     */
    static BodySource ofHash(BodyHash hash) {
        return new BodySource() {
            @Override
            public boolean read(Sink sink) {
                throw new UnsupportedOperationException("only the hash of this body is known");
            }

            @Override
            public Optional<BodyHash> sha256() {
                return Optional.of(hash);
            }
        };
    }
}
