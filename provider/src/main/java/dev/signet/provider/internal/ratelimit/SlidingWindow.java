// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.ratelimit;

import dev.signet.core.internal.verification.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * One bucket's sliding window: the requests of the last 60 seconds, grouped by the second they arrived in,
 * each group with its count and the instant of its latest request. A group counts until 60 s after its
 * latest request, so every request counts for at least 60 s (and at most 61): no 60-second stretch ever
 * holds more than the budget, whatever its alignment, and a request is refused only when it would exceed
 * it. At most 61 groups, so a bucket's state is small whatever the rate. Immutable; its text form is what
 * the shared cache holds.
 */
final class SlidingWindow {

    static final long WINDOW_MILLIS = 60_000;

    /** Requests that arrived in one second: how many, and when the last of them did (epoch ms). */
    private record Group(long latest, int count) {
        long second() {
            return Math.floorDiv(latest, 1000);
        }

        long expiresAt() {
            return latest + WINDOW_MILLIS;
        }
    }

    /** The answer to one request, and the window to store when it was granted. */
    record Decision(Ports.Allowance allowance, SlidingWindow next) {
        boolean granted() {
            return allowance.granted();
        }
    }

    static final SlidingWindow EMPTY = new SlidingWindow(List.of());

    private final List<Group> groups; // oldest first

    private SlidingWindow(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** Takes one request at {@code now} (epoch ms) from a budget of {@code limit} per 60 s. */
    Decision take(long now, int limit) {
        List<Group> live = new ArrayList<>(groups.size() + 1);
        long used = 0;
        for (Group g : groups) {
            if (g.expiresAt() > now) {
                live.add(g);
                used += g.count();
            }
        }
        if (used >= limit) {
            // Refused, and not counted: a slot frees when enough of the oldest requests have aged out.
            long toFree = used - limit + 1;
            long freed = 0;
            long retryAfter = 1;
            for (Group g : live) {
                freed += g.count();
                if (freed >= toFree) {
                    retryAfter = Math.max(1, ceilSeconds(g.expiresAt() - now));
                    break;
                }
            }
            return new Decision(new Ports.Allowance(0, retryAfter, retryAfter), null);
        }
        long second = Math.floorDiv(now, 1000);
        boolean merged = false;
        for (int i = 0; i < live.size(); i++) {
            Group g = live.get(i);
            if (g.second() == second) {
                live.set(i, new Group(Math.max(g.latest(), now), g.count() + 1));
                merged = true;
                break;
            }
        }
        if (!merged) {
            live.add(new Group(now, 1));
            live.sort((a, b) -> Long.compare(a.latest(), b.latest())); // another node's clock may be behind
        }
        long reset = Math.max(1, ceilSeconds(live.get(0).expiresAt() - now));
        int remaining = (int) Math.max(0, limit - used - 1);
        return new Decision(new Ports.Allowance(remaining, reset, 0), new SlidingWindow(live));
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, Math.floorDiv(millis + 999, 1000));
    }

    /**
     * {@code latest:count} groups, comma separated, oldest first, then {@code ;} and a token unique to this
     * write (so a writer can tell its own write from another's, see
     * {@link dev.signet.provider.internal.store.SharedEntries}).
     */
    String encode(String token) {
        StringBuilder out = new StringBuilder(groups.size() * 20 + 24);
        for (Group g : groups) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(g.latest()).append(':').append(g.count());
        }
        return out.append(';').append(token).toString();
    }

    /** The window a cache entry holds; an entry that does not parse (never written by Signet) counts as empty. */
    static SlidingWindow decode(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        int token = text.indexOf(';');
        String window = token < 0 ? text : text.substring(0, token);
        if (window.isEmpty()) {
            return EMPTY;
        }
        List<Group> groups = new ArrayList<>();
        try {
            for (String part : window.split(",", 62)) {
                int colon = part.indexOf(':');
                long latest = Long.parseLong(part.substring(0, colon));
                int count = Integer.parseInt(part.substring(colon + 1));
                if (count > 0) {
                    groups.add(new Group(latest, count));
                }
            }
        } catch (RuntimeException notOurs) {
            return EMPTY;
        }
        groups.sort((a, b) -> Long.compare(a.latest(), b.latest()));
        return new SlidingWindow(groups);
    }
}
