// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at an offset from a base clock, where the offset is learned at run time from the
 * server's {@code Date} header. One per feature instance, never shared statically, so two clients that
 * talk to two servers learn two offsets. The offset is at most {@link #MAX_OFFSET} either way.
 */
final class CorrectableClock extends Clock {

    /**
     * The largest correction ever learned. A host clock is rarely minutes off; a {@code Date} further away is
     * more likely a lie (whoever answers could then make the client sign timestamps for a time of its
     * choosing, valid later), so it is ignored rather than followed part way.
     */
    static final Duration MAX_OFFSET = Duration.ofMinutes(5);

    private final Clock base;
    private final AtomicReference<Duration> offset;

    CorrectableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private CorrectableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** The uncorrected clock, against which an offset is measured. */
    Clock base() {
        return base;
    }

    Duration offset() {
        return offset.get();
    }

    /**
     * From now on, timestamps are {@code base + offset}, if the offset is at most {@link #MAX_OFFSET} either
     * way; a larger one is ignored, not clamped. Returns whether the offset was taken.
     */
    boolean correctBy(Duration newOffset) {
        if (newOffset.abs().compareTo(MAX_OFFSET) > 0) {
            return false;
        }
        offset.set(newOffset);
        return true;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares the offset: the same learned correction, seen in another zone.
        return new CorrectableClock(base.withZone(zone), offset);
    }
}
