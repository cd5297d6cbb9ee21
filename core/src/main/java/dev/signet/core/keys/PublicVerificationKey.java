// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A key's public half with the one RFC 9421 algorithm it verifies (the algorithm is the key's: a signature
 * whose {@code alg} claims another is refused). Prints as its algorithm and a short fingerprint.
 */
public record PublicVerificationKey(SignatureAlgorithm algorithm, PublicKey key) {

    public PublicVerificationKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        if (algorithm.symmetric()) {
            throw new IllegalArgumentException("hmac-sha256 keys are secrets, not public keys");
        }
        if (!algorithm.fits(key)) {
            throw new IllegalArgumentException("the public key is not a key of " + algorithm.rfcName());
        }
    }

    /** From an algorithm name of RFC 9421's registry and a PEM SubjectPublicKeyInfo. */
    public static PublicVerificationKey fromPem(String algorithm, String pem) {
        return new PublicVerificationKey(SignatureAlgorithm.named(algorithm), PemKeys.publicKey(pem));
    }

    /** The key as a PEM SubjectPublicKeyInfo, as {@link #fromPem} reads it (for key stores). */
    public String toPem() {
        return PemKeys.toPem(key);
    }

    /** The first 16 hex digits of the SHA-256 of the encoded key: enough to tell keys apart in a log. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return algorithm.rfcName() + " public key " + fingerprint();
    }
}
