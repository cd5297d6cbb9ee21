// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;

/**
 * Fuzzes the nonce check against the regular expressions it replaced (the check is hand-written for speed).
 *
 * <p>Invariants: {@code accepts} never throws, and agrees with the expressions: a UUID is 36 characters,
 * ASCII hex but for '-' at 8, 13, 18 and 23; a token is 1 to 128 visible ASCII characters.
 */
public class NonceFormatFuzzTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @FuzzTest(maxDuration = "10s")
    public void acceptsExactlyTheWellFormedNonces(FuzzedDataProvider data) {
        String nonce = data.consumeRemainingAsString();

        assertEquals(UUID.matcher(nonce).matches(), NonceFormat.UUID.accepts(nonce), nonce);
        assertEquals(TOKEN.matcher(nonce).matches(), NonceFormat.TOKEN.accepts(nonce), nonce);
    }
}
