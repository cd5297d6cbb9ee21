// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.ratelimit;

import dev.signet.core.internal.verification.Ports;
import dev.signet.provider.internal.store.SharedEntries;
import dev.signet.provider.internal.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The rate budget of DESIGN.md step 11: a <b>sliding window</b> per bucket (not a token bucket), at most
 * {@code perMinute} requests in any 60 seconds, kept in the same Infinispan as the replay cache so every
 * node counts against one budget. Each take reads the bucket's window and writes it back only if no
 * other node wrote it meanwhile (a compare-and-set on the whole window, retried on conflict), so two
 * nodes can never both take the last slot. A refused request writes nothing. Entries live 61 s after
 * their last write, so idle buckets leave the cache on their own.
 *
 * <p>A request is counted for 60 to 61 s after it arrived (requests are grouped by second), so the
 * budget is never exceeded and {@code Retry-After} is exact for requests that arrived at the same
 * instant, at most one second long otherwise. Nodes' clocks should agree (NTP): a node whose clock is
 * ahead ages requests out early by its lead.
 */
public final class SharedRateBudget implements Ports.RateBudget {

    /** Enough for every one of a few hundred concurrent callers of one key to win its turn. */
    private static final int MAX_ATTEMPTS = 500;
    private static final Duration LIFESPAN = Duration.ofMillis(SlidingWindow.WINDOW_MILLIS + 1_000);

    private final SharedEntries store;
    private final Clock clock;

    public SharedRateBudget(SharedEntries store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Ports.Allowance take(String bucket, int perMinute) {
        if (perMinute <= 0) {
            return new Ports.Allowance(0, 0, 0);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SharedEntries.Entry current = store.read(bucket);
            SlidingWindow.Decision decision = SlidingWindow.decode(current == null ? null : current.value())
                    .take(clock.millis(), perMinute);
            if (!decision.granted()) {
                return decision.allowance();
            }
            String next = decision.next().encode(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            if (current == null ? store.create(bucket, next, LIFESPAN) != null : store.replace(current, next, LIFESPAN)) {
                return decision.allowance();
            }
            if (attempt >= 3) { // contended: step aside for a moment so the winners finish
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 200_000L * Math.min(attempt, 20)));
            }
        }
        throw new StoreUnavailableException("rate budget still contended after " + MAX_ATTEMPTS + " attempts", null);
    }
}
