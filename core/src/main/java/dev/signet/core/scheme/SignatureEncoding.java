package dev.signet.core.scheme;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** How the 32 MAC bytes travel in the signature header. */
public enum SignatureEncoding {
    /** Lowercase hex, 64 characters (seeds 000, 001, 003). Upper case is accepted on receipt. */
    HEX {
        @Override
        public String encode(byte[] mac) {
            return HexFormat.of().formatHex(mac);
        }

        @Override
        public Optional<byte[]> decode(String text, int expectedLength) {
            if (text.length() != expectedLength * 2) {
                return Optional.empty();
            }
            for (int i = 0; i < text.length(); i++) {
                if (Character.digit(text.charAt(i), 16) < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(HexFormat.of().parseHex(text));
        }
    },
    /** Standard Base64 with padding, 44 characters (seeds 002, 004). */
    BASE64 {
        @Override
        public String encode(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac);
        }

        @Override
        public Optional<byte[]> decode(String text, int expectedLength) {
            if (text.length() != (expectedLength + 2) / 3 * 4) {
                return Optional.empty();
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(text);
                return bytes.length == expectedLength ? Optional.of(bytes) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    };

    public abstract String encode(byte[] mac);

    /** The MAC bytes, or empty when the text is not exactly one MAC in this encoding. */
    public abstract Optional<byte[]> decode(String text, int expectedLength);
}
