// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WriteTokensTest {

    @Test
    void everyWriteGetsATokenOfItsOwnAcrossThreadsAndStores() {
        // Two stores stand for two nodes: a token another node wrote must never look like this write's own.
        WriteTokens nodeA = new WriteTokens();
        WriteTokens nodeB = new WriteTokens();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> {
            assertTrue(seen.add((i % 2 == 0 ? nodeA : nodeB).next()), "a token came twice");
        });
        assertEquals(200_000, seen.size());
    }

    @Test
    void aTokenIsShorterThanTheUuidItReplaced() {
        WriteTokens tokens = new WriteTokens();
        for (int i = 0; i < 1000; i++) {
            assertTrue(tokens.next().length() < 36);
        }
    }
}
