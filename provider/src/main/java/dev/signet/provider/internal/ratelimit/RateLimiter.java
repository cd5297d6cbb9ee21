// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.ratelimit;

import dev.signet.core.internal.verification.Ports;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-key limit over fixed one-minute windows, counted in this JVM. One small record per active key, and
 * a window's entry is replaced when the next one starts, so memory is bounded by the number of keys.
 */
public final class RateLimiter implements Ports.RateBudget {

    private record Window(long minute, int count) {
    }

    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long acquire(String bucket, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        long nowMillis = clock.millis();
        long minute = Math.floorDiv(nowMillis, 60_000);
        Window w = windows.compute(bucket, (k, old) ->
                old == null || old.minute != minute ? new Window(minute, 1) : new Window(minute, old.count + 1));
        if (w.count <= perMinute) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
    }
}
