// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.rfc9421;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The RFC 9530 {@code Content-Digest} algorithms Signet produces and checks: the two that the RFC's registry
 * marks active. Public because a client chooses one ({@code HttpSignatureFeature.Builder.digest}).
 */
public enum DigestAlgorithm {
    SHA_256("sha-256", "SHA-256"),
    SHA_512("sha-512", "SHA-512");

    private final String key;
    private final String jdkName;

    DigestAlgorithm(String key, String jdkName) {
        this.key = key;
        this.jdkName = jdkName;
    }

    /** The Dictionary key: {@code sha-256}. */
    public String key() {
        return key;
    }

    public static Optional<DigestAlgorithm> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /** A fresh digest of this algorithm, which every Java platform has. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + jdkName, e);
        }
    }
}
