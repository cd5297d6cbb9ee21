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

    private HmacSha256() {
    }

    /** The MAC of the UTF-8 bytes of {@code message} under the UTF-8 bytes of {@code key}. */
    public static byte[] mac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Compares in time that depends only on the lengths, so a mismatch position never leaks. */
    public static boolean constantTimeEquals(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }
}
