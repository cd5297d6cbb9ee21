// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import dev.signet.core.internal.crypto.LowerHex;
import java.util.Base64;
import java.util.Optional;

/** How the 32 MAC bytes travel in the signature header. */
public enum SignatureEncoding {
    /** Lowercase hex, 64 characters (seeds 000, 001, 003). Upper case is accepted on receipt. */
    HEX {
        @Override
        public String encode(byte[] mac) {
            return LowerHex.encode(mac);
        }

        @Override
        public Optional<byte[]> decode(String text, int expectedLength) {
            if (text.length() != expectedLength * 2) {
                return Optional.empty();
            }
            return Optional.ofNullable(LowerHex.decode(text));
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
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                        || c == '=')) {
                    return Optional.empty(); // never hand the decoder anything else (it reads the text as Latin-1)
                }
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            // The decoder ignores the unused bits before '=' and takes missing padding; only the one text that
            // encodes these bytes is a MAC, so a header has a single spelling.
            return bytes.length == expectedLength && encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        }
    };

    public abstract String encode(byte[] mac);

    /** The MAC bytes, or empty when the text is not exactly one MAC in this encoding. */
    public abstract Optional<byte[]> decode(String text, int expectedLength);
}
