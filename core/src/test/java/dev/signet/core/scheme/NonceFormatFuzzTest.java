// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the nonce check against a second, hand-written reading of each format.
 *
 * <p>Invariants: {@code accepts} never throws, and agrees with the hand-written reading: a UUID is 36 characters,
 * ASCII hex but for '-' at 8, 13, 18 and 23; a token is 1 to 128 visible ASCII characters.
 */
public class NonceFormatFuzzTest {

    @FuzzTest(maxDuration = "10s")
    public void acceptsExactlyTheWellFormedNonces(FuzzedDataProvider data) {
        String nonce = data.consumeRemainingAsString();

        assertEquals(isUuid(nonce), NonceFormat.UUID.accepts(nonce), nonce);
        assertEquals(isToken(nonce), NonceFormat.TOKEN.accepts(nonce), nonce);
    }

    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean ok = dash ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isToken(String s) {
        return !s.isEmpty() && s.length() <= 128 && s.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
