// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.verification.ReplayCacheKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local store keeps one shared value per entry (no write token): it must still accept each key once. */
class InfinispanNonceStoreTest {

    private static final Duration LIFESPAN = Duration.ofSeconds(125);

    @Test
    void aLocalStoreAcceptsAKeyOnceAndRefusesEveryCopy() {
        try (InfinispanNonceStore store = InfinispanNonceStore.local()) {
            assertFalse(store.isClustered());
            String key = ReplayCacheKey.of("canonical-nonce", "key-1", "nonce-1");
            assertFalse(store.contains(key));
            assertTrue(store.putIfAbsent(key, LIFESPAN));
            assertTrue(store.contains(key));
            assertFalse(store.putIfAbsent(key, LIFESPAN), "a copy");
            assertFalse(store.putIfAbsent(key, LIFESPAN), "another copy");
            assertTrue(store.putIfAbsent(ReplayCacheKey.of("canonical-nonce", "key-1", "nonce-2"), LIFESPAN));
            assertEquals(2, store.size());
        }
    }

    @Test
    void ofSixtyFourCopiesRacingOnlyOneIsAccepted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (InfinispanNonceStore store = InfinispanNonceStore.local()) {
            for (int round = 0; round < 50; round++) {
                String key = ReplayCacheKey.of("canonical-nonce", "key-1", "race-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> copies = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    copies.add(pool.submit(() -> {
                        start.await();
                        return store.putIfAbsent(key, LIFESPAN);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> copy : copies) {
                    accepted += copy.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, accepted, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
