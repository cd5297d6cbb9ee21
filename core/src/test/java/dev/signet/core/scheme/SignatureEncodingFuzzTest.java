// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Optional;

/**
 * Fuzzes the decoding of the signature header.
 *
 * <p>Invariants: {@code decode} never throws; what it accepts is exactly {@code expectedLength} bytes whose
 * encoding is the text itself (hex: in either case), so a MAC has one spelling per encoding; and every byte
 * string survives encode then decode.
 */
public class SignatureEncodingFuzzTest {

    @FuzzTest(maxDuration = "10s")
    public void decodeAcceptsOnlyTheOneSpellingOfAMac(FuzzedDataProvider data) {
        SignatureEncoding encoding = data.pickValue(SignatureEncoding.values());
        if (data.consumeBoolean()) {
            byte[] bytes = data.consumeBytes(64);
            assertArrayEquals(bytes, encoding.decode(encoding.encode(bytes), bytes.length).orElseThrow());
            return;
        }
        int expectedLength = data.consumeBoolean() ? 32 : data.consumeInt(0, 64);
        String text = data.consumeRemainingAsString();

        Optional<byte[]> decoded = encoding.decode(text, expectedLength);

        if (decoded.isPresent()) {
            byte[] bytes = decoded.get();
            assertEquals(expectedLength, bytes.length);
            String canonical = encoding.encode(bytes);
            if (encoding == SignatureEncoding.HEX) {
                assertEquals(canonical, text.toLowerCase(Locale.ROOT), text);
            } else {
                assertEquals(canonical, text);
            }
            assertTrue(text.chars().allMatch(c -> c > 0x20 && c < 0x7F), text);
        }
    }
}
