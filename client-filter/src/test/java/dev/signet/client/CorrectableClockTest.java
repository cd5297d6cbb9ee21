// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CorrectableClockTest {

    @Test
    void anOffsetOfUpToFiveMinutesEitherWayIsTaken() {
        CorrectableClock clock = new CorrectableClock(Clock.systemUTC());

        assertTrue(clock.correctBy(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), clock.offset());
        assertTrue(clock.correctBy(Duration.ofMinutes(-5)));
        assertEquals(Duration.ofMinutes(-5), clock.offset());
    }

    @Test
    void aLargerOffsetIsIgnoredNotClamped() {
        CorrectableClock clock = new CorrectableClock(Clock.systemUTC());
        clock.correctBy(Duration.ofSeconds(40));

        assertFalse(clock.correctBy(Duration.ofMinutes(5).plusSeconds(1)));
        assertFalse(clock.correctBy(Duration.ofHours(-1)));
        assertEquals(Duration.ofSeconds(40), clock.offset(), "the offset learned before stays");
    }
}
