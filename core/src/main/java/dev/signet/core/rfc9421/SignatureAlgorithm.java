// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.rfc9421;

import dev.signet.core.internal.crypto.HmacSha256;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The algorithms of RFC 9421's HTTP Signature Algorithms registry (section 6.2.2), each with the JDK's own
 * provider: RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt; RSASSA-PKCS1-v1_5 with SHA-256;
 * HMAC-SHA256; ECDSA on P-256 and P-384 as the raw {@code r||s} the RFC prints (the JDK's P1363 format, not
 * DER); pure Ed25519.
 */
public enum SignatureAlgorithm {
    RSA_PSS_SHA512("rsa-pss-sha512"),
    RSA_V1_5_SHA256("rsa-v1_5-sha256"),
    HMAC_SHA256("hmac-sha256"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256"),
    ECDSA_P384_SHA384("ecdsa-p384-sha384"),
    ED25519("ed25519");

    private final String rfcName;

    SignatureAlgorithm(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The name in the registry, as the {@code alg} parameter carries it. */
    public String rfcName() {
        return rfcName;
    }

    public boolean symmetric() {
        return this == HMAC_SHA256;
    }

    /** The algorithm of a registry name; names are matched exactly, as the RFC's are lowercase. */
    public static Optional<SignatureAlgorithm> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.rfcName.equals(name)).findFirst();
    }

    /** As {@link #byName}, failing with the known names. */
    public static SignatureAlgorithm named(String name) {
        return byName(name == null ? "" : name.trim().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + names()));
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(SignatureAlgorithm::rfcName).toList());
    }

    /** Whether {@code key} is a key of this algorithm (type and curve or size). */
    public boolean fits(Key key) {
        return switch (this) {
            case RSA_PSS_SHA512, RSA_V1_5_SHA256 -> key instanceof RSAKey;
            case ECDSA_P256_SHA256 -> key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
            case ECDSA_P384_SHA384 -> key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384;
            case ED25519 -> key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase("Ed25519");
            case HMAC_SHA256 -> false;
        };
    }

    /** Signs {@code base} with an asymmetric private key. */
    public byte[] sign(PrivateKey key, byte[] base) {
        requireFits(key);
        try {
            Signature s = signature();
            s.initSign(key);
            s.update(base);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(rfcName + " signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Verifies {@code signature} over {@code base}; false for any malformed signature, never throws for it. */
    public boolean verify(PublicKey key, byte[] base, byte[] signature) {
        requireFits(key);
        try {
            Signature s = signature();
            s.initVerify(key);
            s.update(base);
            return s.verify(signature);
        } catch (java.security.SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(rfcName + " verification failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** HMAC-SHA256 of {@code base} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] base) {
        return HmacSha256.mac(key, base); // a cloned prototype: no provider search per request
    }

    private void requireFits(Key key) {
        if (symmetric()) {
            throw new IllegalArgumentException("hmac-sha256 takes a shared secret, not a key pair");
        }
        if (!fits(key)) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key is not a key of " + rfcName);
        }
    }

    private Signature signature() throws GeneralSecurityException {
        return switch (this) {
            case RSA_PSS_SHA512 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                yield s;
            }
            case RSA_V1_5_SHA256 -> Signature.getInstance("SHA256withRSA");
            case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case ECDSA_P384_SHA384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
            case ED25519 -> Signature.getInstance("Ed25519");
            case HMAC_SHA256 -> throw new IllegalStateException("not a signature algorithm");
        };
    }
}
