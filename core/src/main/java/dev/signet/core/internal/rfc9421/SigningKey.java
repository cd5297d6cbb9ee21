// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Objects;

/** What a signer signs with: a shared secret (hmac-sha256) or a private key of one algorithm. Never printed. */
public final class SigningKey {

    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final byte[] secret;

    private SigningKey(SignatureAlgorithm algorithm, PrivateKey privateKey, byte[] secret) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.secret = secret;
    }

    /** hmac-sha256 keyed with these bytes. */
    public static SigningKey hmac(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("an HMAC secret must not be empty");
        }
        return new SigningKey(SignatureAlgorithm.HMAC_SHA256, null, secret.clone());
    }

    /** hmac-sha256 keyed with the UTF-8 bytes of {@code secret}, as Signet's keys hold it. */
    public static SigningKey hmac(String secret) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static SigningKey of(SignatureAlgorithm algorithm, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (algorithm.symmetric() || !algorithm.fits(key)) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " private key is not a key of " + algorithm.rfcName());
        }
        return new SigningKey(algorithm, key, null);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] sign(byte[] base) {
        return algorithm.symmetric() ? SignatureAlgorithm.hmac(secret, base) : algorithm.sign(privateKey, base);
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm.rfcName() + ", ****]";
    }
}
