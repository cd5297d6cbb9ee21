// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the one MAC every seed scheme uses, and the constant-time comparison of its output. */
public final class HmacSha256 {

    public static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    /**
     * Never keyed: each call clones it and keys the clone. Mac.getInstance searches the providers on every call
     * (with init, about a fifth of a core verification's CPU samples, benchmarks/README.md section 1).
     */
    private static final Mac PROTOTYPE = newMac();

    private HmacSha256() {
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.getProvider(); // chooses the provider now, so that cloning the prototype only reads it
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static Mac freshMac() {
        try {
            return (Mac) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    /** The MAC of the UTF-8 bytes of {@code message} under the UTF-8 bytes of {@code key}. */
    public static byte[] mac(byte[] key, String message) {
        return mac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The MAC of {@code message} under {@code key}. */
    public static byte[] mac(byte[] key, byte[] message) {
        return keyed(key).doFinal(message);
    }

    /** A Mac keyed with {@code key}, for a message that comes in parts (a streamed body). */
    public static Mac keyed(byte[] key) {
        try {
            Mac mac = freshMac();
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Compares in time that depends only on the lengths, so a mismatch position never leaks. */
    public static boolean constantTimeEquals(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }
}
