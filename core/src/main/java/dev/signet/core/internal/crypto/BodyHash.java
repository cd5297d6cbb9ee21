// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The lowercase hex SHA-256 of a request body, over its exact bytes. Every seed scheme that covers the
 * body signs this string rather than the body itself, which is what lets the server hash a stream
 * without holding it.
 */
public record BodyHash(String hex) {

    // Declared before EMPTY: static fields initialise in order. Cloned per hash: a clone of a fresh digest
    // costs a copy of its state, where MessageDigest.getInstance searches the providers every time (about
    // 10% of a core verification's CPU samples, benchmarks/README.md section 1).
    private static final MessageDigest PROTOTYPE = newSha256();

    /** The SHA-256 of zero bytes: what a request without a body signs (seed 003 and 004 say so). */
    public static final BodyHash EMPTY = of(new byte[0]);

    public BodyHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowercaseHexSha256(hex)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256");
        }
    }

    /**
     * {@code [0-9a-f]{64}}, checked without a regex: every verification builds two of these (the body's and
     * the replay key's), and the regex match was a sixth of core verification's CPU samples (section 1).
     */
    private static boolean isLowercaseHexSha256(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static BodyHash of(byte[] body) {
        return hasher().update(body, 0, body.length).finish();
    }

    /** Starts an incremental hash, for bodies that arrive as a stream. */
    public static Hasher hasher() {
        return new Hasher();
    }

    /** A fresh SHA-256 digest, cloned from a prototype (not looked up among the providers). */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone(); // the prototype is never updated: a clone is a fresh digest
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    /** Incremental SHA-256; one instance per body, not thread-safe. */
    public static final class Hasher {
        private final MessageDigest digest;
        private long length;

        private Hasher() {
            digest = sha256();
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
            return new BodyHash(LowerHex.encode(digest.digest()));
        }
    }
}
