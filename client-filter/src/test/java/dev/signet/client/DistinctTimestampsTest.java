// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 003: a second identical request in the same second must be signed with a fresh timestamp. */
class DistinctTimestampsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.400Z");
    private static final CanonicalRequest GET = CanonicalRequest.withoutBody("GET", "/vaults");

    @Test
    void identicalRequestsInOneSecondGetConsecutiveSeconds() {
        DistinctTimestamps timestamps = new DistinctTimestamps(Presets.CANONICAL);

        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), timestamps.claim(GET, NOW));
        assertEquals(Instant.parse("2026-11-23T10:00:01Z"), timestamps.claim(GET, NOW));
        assertEquals(Instant.parse("2026-11-23T10:00:02Z"), timestamps.claim(GET, NOW.plusMillis(500)));
    }

    @Test
    void requestsThatSignDifferentlyShareASecond() {
        DistinctTimestamps timestamps = new DistinctTimestamps(Presets.CANONICAL);
        CanonicalRequest post = new CanonicalRequest("POST", "/vaults", BodyHash.of("{}".getBytes(StandardCharsets.UTF_8)));
        CanonicalRequest otherPath = CanonicalRequest.withoutBody("GET", "/vaults/v_1");

        Instant second = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(second, timestamps.claim(GET, NOW));
        assertEquals(second, timestamps.claim(post, NOW));
        assertEquals(second, timestamps.claim(otherPath, NOW));
    }

    @Test
    void onceTheClockPassesTheLastIssuedSecondItsOwnSecondIsUsed() {
        DistinctTimestamps timestamps = new DistinctTimestamps(Presets.CANONICAL);
        timestamps.claim(GET, NOW);
        timestamps.claim(GET, NOW);

        assertEquals(Instant.parse("2026-11-23T10:00:05Z"), timestamps.claim(GET, NOW.plusSeconds(5)));
    }

    @Test
    void aLastTimestampBeyondTheWindowIsForgottenAfterTheClockWasSetBack() {
        DistinctTimestamps timestamps = new DistinctTimestamps(Presets.CANONICAL);
        timestamps.claim(GET, NOW.plusSeconds(420));

        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), timestamps.claim(GET, NOW));
    }

    @Test
    void concurrentIdenticalRequestsNeverShareATimestamp() throws Exception {
        // 25 fit canonical's 30 s window; no scheme can take more identical requests than its window has ticks.
        int requests = 25;
        DistinctTimestamps timestamps = new DistinctTimestamps(Presets.CANONICAL);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Instant>> claims = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                claims.add(pool.submit(() -> timestamps.claim(GET, NOW)));
            }
            Set<Instant> distinct = new HashSet<>();
            for (Future<Instant> claim : claims) {
                distinct.add(claim.get());
            }
            assertEquals(requests, distinct.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
