// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LowerHexTest {

    @Test
    void encodesAndDecodesExactlyAsTheJdksHexFormat() {
        Random random = new Random(17);
        for (int n = 0; n < 10_000; n++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            assertEquals(hex, LowerHex.encode(bytes));
            assertArrayEquals(bytes, LowerHex.decode(hex));
            assertArrayEquals(bytes, LowerHex.decode(hex.toUpperCase(Locale.ROOT)), "upper case is accepted on receipt");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "0g", "g0", " 0", "0x", "-1", "\u0663\u0663", "\uff10\uff10", "0\u0000", "\u00e9\u00e9", "\ud83d\ude00"})
    void refusesOddLengthsAndAnythingButAsciiHexDigits(String text) {
        assertNull(LowerHex.decode(text));
    }

    @Test
    void decodesALongInputWithoutTrouble() {
        assertEquals(1 << 20, LowerHex.decode("ab".repeat(1 << 20)).length);
    }
}
