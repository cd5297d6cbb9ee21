// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The lowercase hex SHA-256 of a request body, over its exact bytes. Every seed scheme that covers the
 * body signs this string rather than the body itself, which is what lets the server hash a stream
 * without holding it.
 */
public record BodyHash(String hex) {

    // Declared before EMPTY: static fields initialise in order.
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The SHA-256 of zero bytes: what a request without a body signs (seed 003 and 004 say so). */
    public static final BodyHash EMPTY = of(new byte[0]);

    public BodyHash {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256");
        }
    }

    public static BodyHash of(byte[] body) {
        return hasher().update(body, 0, body.length).finish();
    }

    /** Starts an incremental hash, for bodies that arrive as a stream. */
    public static Hasher hasher() {
        return new Hasher();
    }

    /** Incremental SHA-256; one instance per body, not thread-safe. */
    public static final class Hasher {
        private final MessageDigest digest;
        private long length;

        private Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        public Hasher update(byte[] bytes, int offset, int count) {
            digest.update(bytes, offset, count);
            length += count;
            return this;
        }

        /** Bytes hashed so far. */
        public long length() {
            return length;
        }

        public BodyHash finish() {
            return new BodyHash(HexFormat.of().formatHex(digest.digest()));
        }
    }
}
