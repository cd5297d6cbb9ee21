// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The signature header's text: exactly one encoding of one MAC, and anything else is empty, never an exception. */
class SignatureEncodingTest {

    private static final int MAC = 32;
    private static final byte[] BYTES = new byte[MAC];

    static {
        for (int i = 0; i < MAC; i++) {
            BYTES[i] = (byte) (i * 37 + 11);
        }
    }

    @Test
    void bothEncodingsRoundTrip() {
        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            assertArrayEquals(BYTES, encoding.decode(encoding.encode(BYTES), MAC).orElseThrow(), encoding.name());
        }
        assertEquals(64, SignatureEncoding.HEX.encode(BYTES).length());
        assertEquals(44, SignatureEncoding.BASE64.encode(BYTES).length());
    }

    @Test
    void upperAndMixedCaseHexIsAccepted() {
        String hex = SignatureEncoding.HEX.encode(BYTES);
        assertArrayEquals(BYTES, SignatureEncoding.HEX.decode(hex.toUpperCase(Locale.ROOT), MAC).orElseThrow());
        StringBuilder mixed = new StringBuilder(hex);
        for (int i = 0; i < mixed.length(); i += 2) {
            mixed.setCharAt(i, Character.toUpperCase(mixed.charAt(i)));
        }
        assertArrayEquals(BYTES, SignatureEncoding.HEX.decode(mixed.toString(), MAC).orElseThrow());
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF},
                SignatureEncoding.HEX.decode("AbcDEf", 3).orElseThrow());
    }

    static Stream<Arguments> badHex() {
        String good = SignatureEncoding.HEX.encode(BYTES);
        return Stream.of(
                Arguments.of("U+0660 ARABIC-INDIC ZERO", "\u0660".repeat(64)),
                Arguments.of("one Arabic-Indic digit", good.substring(1) + "\u0663"),
                Arguments.of("U+06F0 extended Arabic-Indic", "\u06F0".repeat(64)),
                Arguments.of("U+0966 Devanagari", "\u0966".repeat(64)),
                Arguments.of("full-width digits", "\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17".repeat(8)),
                Arguments.of("full-width A-F", "\uFF21\uFF22\uFF23\uFF24\uFF25\uFF26\uFF41\uFF42".repeat(8)),
                Arguments.of("g", good.substring(1) + "g"),
                Arguments.of("G", "G" + good.substring(1)),
                Arguments.of("leading space", " " + good.substring(1)),
                Arguments.of("trailing space", good.substring(1) + " "),
                Arguments.of("inner space", good.substring(0, 32) + " " + good.substring(33)),
                Arguments.of("tab", good.substring(1) + "\t"),
                Arguments.of("sign", "+" + good.substring(1)),
                Arguments.of("0x prefix", "0x" + good.substring(2)),
                Arguments.of("base64 text of hex length", "A+/=".repeat(16)),
                Arguments.of("correct-length garbage", "!".repeat(64)),
                Arguments.of("NUL", "\0".repeat(64)),
                Arguments.of("63 chars", good.substring(1)),
                Arguments.of("65 chars", good + "0"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHex")
    void hexRefusesAnythingButAsciiHexOfTheExactLength(String why, String text) {
        assertEquals(Optional.empty(), assertDoesNotThrow(() -> SignatureEncoding.HEX.decode(text, MAC)));
    }

    static Stream<Arguments> badBase64() {
        String good = SignatureEncoding.BASE64.encode(BYTES); // has both '+' and '/' in it
        assertTrue(good.contains("+") && good.contains("/") && good.endsWith("=") && !good.endsWith("=="), good);
        return Stream.of(
                Arguments.of("URL-safe '-' for '+'", good.replace('+', '-')),
                Arguments.of("URL-safe '_' for '/'", good.replace('/', '_')),
                Arguments.of("URL-safe alphabet", "-_".repeat(21) + "A="),
                Arguments.of("no padding, 44 data chars", "A".repeat(44)),
                Arguments.of("no padding, 43 chars", good.substring(0, 43)),
                Arguments.of("double padding", "A".repeat(42) + "=="),
                Arguments.of("padding in the middle", "A".repeat(20) + "=" + "A".repeat(22) + "="),
                Arguments.of("padding first", "=" + "A".repeat(43)),
                Arguments.of("extra padding", good + "="),
                Arguments.of("non-zero bits before the padding", "A".repeat(42) + "B="),
                Arguments.of("non-zero bits before the padding, real MAC", nonCanonical(good)),
                Arguments.of("inner space", good.substring(0, 20) + " " + good.substring(21)),
                Arguments.of("space for padding", good.substring(0, 43) + " "),
                Arguments.of("CRLF", good.substring(0, 42) + "\r\n"),
                Arguments.of("MIME line break", "A".repeat(21) + "\n" + "A".repeat(21) + "="),
                Arguments.of("U+0660 digits", "\u0660".repeat(43) + "="),
                Arguments.of("full-width letters", "\uFF21".repeat(43) + "="),
                Arguments.of("Latin-1 letter", "\u00C0".repeat(43) + "="),
                Arguments.of("U+013F, read as '?' by a Latin-1 decoder", "\u013F".repeat(43) + "="),
                Arguments.of("correct-length garbage", "!".repeat(44)),
                Arguments.of("hex of base64 length", "0123456789abcdef".repeat(2) + "0123456789ab"),
                Arguments.of("31 bytes", Base64.getEncoder().encodeToString(new byte[31])),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBase64")
    void base64RefusesAnythingButTheStandardPaddedEncodingOfTheExactLength(String why, String text) {
        assertEquals(Optional.empty(), assertDoesNotThrow(() -> SignatureEncoding.BASE64.decode(text, MAC)));
    }

    /** A MAC's text with the two unused bits before '=' set: decoders that ignore them read the same MAC. */
    private static String nonCanonical(String good) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = alphabet.indexOf(good.charAt(42));
        return good.substring(0, 42) + alphabet.charAt(last | 1) + "=";
    }

    @Test
    void tenThousandRandomStringsOfTheRightLengthNeverThrow() {
        Random random = new Random(0x5167E7L); // fixed: a failure names the same string on every run
        List<Integer> digitLike = digitLike();
        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            String good = encoding.encode(BYTES);
            int length = good.length();
            for (int i = 0; i < 10_000; i++) {
                // Mostly code points from the whole of Unicode; some strings only from the characters a lenient
                // digit check lets through, and some a real encoding with one character swapped for any other.
                String text = switch (i % 4) {
                    case 0, 1 -> randomText(random, length, () -> random.nextInt(Character.MAX_CODE_POINT + 1));
                    case 2 -> randomText(random, length, () -> digitLike.get(random.nextInt(digitLike.size())));
                    default -> swapOne(random, good);
                };
                Optional<byte[]> decoded = assertDoesNotThrow(() -> encoding.decode(text, MAC),
                        () -> encoding + " threw on " + escaped(text));
                decoded.ifPresent(bytes -> assertEquals(
                        encoding == SignatureEncoding.HEX ? text.toLowerCase(Locale.ROOT) : text,
                        encoding.encode(bytes), () -> encoding + " accepted " + escaped(text)));
            }
        }
    }

    /** Every code point {@code Character.digit(c, 16)} or {@code Character.isLetterOrDigit} accepts, plus '+/=-_ '. */
    private static List<Integer> digitLike() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.digit(c, 16) >= 0) {
                out.add(c);
            }
        }
        "+/=-_ \t\n".chars().forEach(out::add);
        return out;
    }

    private interface CodePoints {
        int next();
    }

    private static String randomText(Random random, int length, CodePoints source) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int c = source.next();
            if (out.length() + Character.charCount(c) <= length) {
                out.appendCodePoint(c); // lone surrogates included: a header value can carry them
            }
        }
        return out.toString();
    }

    private static String swapOne(Random random, String good) {
        StringBuilder out = new StringBuilder(good);
        out.setCharAt(random.nextInt(good.length()), (char) random.nextInt(Character.MAX_VALUE + 1));
        return out.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : (char) c));
        return out.toString();
    }
}
