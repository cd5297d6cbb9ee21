// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayCacheKeyTest {

    private static final String SIGNATURE_HEX = "4a5c0d3b2f0e9d8c7b6a59483726150f4a5c0d3b2f0e9d8c7b6a59483726150f";

    @Test
    void theSameRequestAlwaysGivesTheSameKey() {
        assertEquals(ReplayCacheKey.of("canonical-nonce", "key-1", "n-1"), ReplayCacheKey.of("canonical-nonce", "key-1", "n-1"));
    }

    @Test
    void oneKeysNonceNeverBlocksAnotherKeyOrAnotherScheme() {
        String key = ReplayCacheKey.of("canonical-nonce", "key-1", "n-1");
        assertNotEquals(key, ReplayCacheKey.of("canonical-nonce", "key-2", "n-1"));
        assertNotEquals(key, ReplayCacheKey.of("canonical", "key-1", "n-1"));
        assertNotEquals(key, ReplayCacheKey.of("canonical-nonce", "key-1", "n-2"));
    }

    @Test
    void aSignatureNeverAppearsInTheKeyACacheMayLog() {
        String unique = "1700000000\n" + SIGNATURE_HEX;
        String key = ReplayCacheKey.of("timestamp-secret", "key-1", unique);
        assertFalse(key.contains(SIGNATURE_HEX));
        assertFalse(key.contains(SIGNATURE_HEX.substring(0, 16)));
        assertTrue(key.startsWith("timestamp-secret\nkey-1\n"));
    }

    @Test
    void theUniquePartIsAFixed22CharacterDigestWhateverItsSize() {
        for (String unique : new String[] {"", "n", "x".repeat(100_000), "\u00e9\ud83d\ude00"}) {
            String key = ReplayCacheKey.of("s", "k", unique);
            String digest = key.substring("s\nk\n".length());
            assertEquals(22, digest.length(), unique.length() + " chars");
            assertTrue(digest.matches("[A-Za-z0-9_-]{22}"), digest);
        }
    }
}
