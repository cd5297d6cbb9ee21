// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Under a (key, timestamp, signature) replay key, two identical requests signed within one tick of the
 * timestamp carry one tuple, and the server refuses the second as a replay; seed 003 says to re-sign it with
 * a fresh timestamp. This gives each identical request a timestamp that no earlier one of its kind used: the
 * clock's, or else the tick after the last one issued. A burst of N identical requests thus runs up to N-1
 * ticks ahead of the clock, which the server accepts while that stays inside its window (a window applies in
 * both directions). A last timestamp further ahead than the window is forgotten: no server accepted it.
 * Thread-safe.
 */
final class DistinctTimestamps {

    /** Entries whose tick has passed can go; pruning waits for this many so it stays rare. */
    private static final int PRUNE_ABOVE = 1024;

    private final Scheme scheme;
    private final Duration tick;
    private final ConcurrentHashMap<String, Instant> lastIssued = new ConcurrentHashMap<>();

    DistinctTimestamps(Scheme scheme) {
        this.scheme = scheme;
        this.tick = switch (scheme.timestampFormat()) {
            case EPOCH_SECONDS -> Duration.ofSeconds(1);
            case ISO_8601 -> Duration.ofMillis(1);
        };
    }

    /** The instant to sign {@code request} at, given the clock says {@code now}. */
    Instant claim(CanonicalRequest request, Instant now) {
        Instant current = now.truncatedTo(tick.equals(Duration.ofSeconds(1)) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
        Instant claimed = lastIssued.merge(identity(request), current, (last, fresh) -> fresh.isAfter(last)
                // A last one beyond the window was issued on a clock since corrected backwards, and refused.
                || last.isAfter(fresh.plus(scheme.window())) ? fresh : last.plus(tick));
        if (lastIssued.size() > PRUNE_ABOVE) {
            // Conditional per entry: an entry claimed again meanwhile is kept.
            lastIssued.entrySet().removeIf(e -> e.getValue().isBefore(current));
        }
        return claimed;
    }

    /** What the signature covers besides the key and the timestamp: two requests alike here sign alike. */
    private String identity(CanonicalRequest request) {
        StringBuilder id = new StringBuilder();
        if (scheme.covers(Component.METHOD)) {
            id.append(request.method());
        }
        id.append('\n');
        if (scheme.covers(Component.PATH)) {
            id.append(request.path());
        }
        id.append('\n');
        if (scheme.covers(Component.BODY_HASH)) {
            id.append(request.bodyHash().hex());
        }
        return id.toString();
    }
}
