// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Lowercase hex for digests and MACs, on the verification hot path. {@code HexFormat} goes through a
 * {@code StringBuilder} per call, which showed as 8% of a core verification's CPU samples and its decode as
 * 11% of the bytes allocated (benchmarks/README.md section 1b); a table and one array do the same work.
 */
public final class LowerHex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private LowerHex() {
    }

    public static String encode(byte[] bytes) {
        byte[] text = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of {@code text}, hex digits in either case; {@code null} when it has an odd length or any
     * other character (only ASCII digits: {@code Character.digit} would also take other scripts' digits).
     */
    public static byte[] decode(String text) {
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = digit(text.charAt(2 * i));
            int low = digit(text.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** The value of an ASCII hex digit of either case, or -1 for anything else (a negative byte included). */
    public static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
