// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * What a verifier checks with: the key's shared secrets (hmac-sha256; any one that matches passes, all
 * compared in constant time) or its public key. The algorithm is the key's, never the message's.
 */
public final class VerificationKey {

    private final SignatureAlgorithm algorithm;
    private final PublicKey publicKey;
    private final List<byte[]> secrets;

    private VerificationKey(SignatureAlgorithm algorithm, PublicKey publicKey, List<byte[]> secrets) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.secrets = secrets;
    }

    public static VerificationKey hmac(List<byte[]> secrets) {
        return new VerificationKey(SignatureAlgorithm.HMAC_SHA256, null, secrets.stream().map(byte[]::clone).toList());
    }

    public static VerificationKey of(SignatureAlgorithm algorithm, PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (algorithm.symmetric() || !algorithm.fits(key)) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " public key is not a key of " + algorithm.rfcName());
        }
        return new VerificationKey(algorithm, key, List.of());
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public boolean verify(byte[] base, byte[] signature) {
        if (!algorithm.symmetric()) {
            return algorithm.verify(publicKey, base, signature);
        }
        boolean matched = false;
        for (byte[] secret : secrets) {
            // No early exit: every secret costs the same whether or not an earlier one matched.
            matched |= MessageDigest.isEqual(SignatureAlgorithm.hmac(secret, base), signature);
        }
        return matched;
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm.rfcName() + "]";
    }
}
