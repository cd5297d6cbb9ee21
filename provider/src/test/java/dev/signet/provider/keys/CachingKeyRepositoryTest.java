// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache in front of the database, on a hand-moved clock: exact edges of the stated bound. */
class CachingKeyRepositoryTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Map<String, ApiKey> database = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final KeyRepository store = id -> {
        queries.incrementAndGet();
        return Optional.ofNullable(database.get(id));
    };

    private CachingKeyRepository cache(Duration ttl, int size) {
        return new CachingKeyRepository(store, ttl, size, nanos::get);
    }

    @Test
    void oneQueryPerKeyPerPeriodHoweverManyLookups() {
        database.put("k", ApiKey.of("k", "s"));
        CachingKeyRepository keys = cache(Duration.ofSeconds(5), 100);
        for (int i = 0; i < 1000; i++) {
            assertTrue(keys.find("k").isPresent());
        }
        assertEquals(1, queries.get());
    }

    @Test
    void aRevokedKeyIsSeenExactlyWhenThePeriodEnds() {
        database.put("k", ApiKey.of("k", "s"));
        CachingKeyRepository keys = cache(Duration.ofSeconds(5), 100);
        keys.find("k");
        database.put("k", ApiKey.builder("k").secret("s").status(KeyStatus.REVOKED).build());
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertEquals(KeyStatus.ACTIVE, keys.find("k").orElseThrow().status(), "still inside the period");
        nanos.addAndGet(1);
        assertEquals(KeyStatus.REVOKED, keys.find("k").orElseThrow().status(), "at the bound");
        assertEquals(2, queries.get());
    }

    @Test
    void anUnknownIdIsCachedTooSoAFloodOfThemIsNotAQueryEach() {
        CachingKeyRepository keys = cache(Duration.ofSeconds(5), 100);
        for (int i = 0; i < 50; i++) {
            assertTrue(keys.find("nobody").isEmpty());
        }
        assertEquals(1, queries.get());
        database.put("nobody", ApiKey.of("nobody", "s"));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(keys.find("nobody").isPresent(), "a new key is seen within the period too");
    }

    @Test
    void aFailureIsNeverCached() {
        AtomicInteger calls = new AtomicInteger();
        CachingKeyRepository keys = new CachingKeyRepository(id -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return Optional.of(ApiKey.of(id, "s"));
        }, Duration.ofSeconds(5), 10, nanos::get);
        assertThrows(IllegalStateException.class, () -> keys.find("k"));
        assertTrue(keys.find("k").isPresent(), "the next request asks again");
        assertEquals(2, calls.get());
    }

    @Test
    void zeroSecondsMeansEveryLookupAsksTheStore() {
        database.put("k", ApiKey.of("k", "s"));
        CachingKeyRepository keys = cache(Duration.ZERO, 10);
        keys.find("k");
        keys.find("k");
        assertEquals(2, queries.get());
        assertEquals(0, keys.size());
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        CachingKeyRepository keys = cache(Duration.ofSeconds(5), 10);
        for (int i = 0; i < 1000; i++) {
            keys.find("id-" + i);
        }
        assertTrue(keys.size() <= 10, "size " + keys.size());
    }

    @Test
    void concurrentLookupsOfOneIdShareOneQuery() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowQueries = new AtomicInteger();
        CachingKeyRepository keys = new CachingKeyRepository(id -> {
            slowQueries.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(ApiKey.of(id, "s"));
        }, Duration.ofSeconds(5), 10, nanos::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] lookups = new Future<?>[8];
            for (int i = 0; i < lookups.length; i++) {
                lookups[i] = pool.submit(() -> keys.find("hot").orElseThrow());
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<?> f : lookups) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, slowQueries.get());
    }
}
