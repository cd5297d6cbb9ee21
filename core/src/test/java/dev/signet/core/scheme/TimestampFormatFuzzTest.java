// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Fuzzes the reading of the timestamp header in both formats.
 *
 * <p>Invariants: {@code parse} never throws; epoch seconds are 1 to 18 ASCII digits read as that decimal number;
 * an ISO 8601 instant written back by {@code format} reads as the same instant to the millisecond.
 */
public class TimestampFormatFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"T", "Z", "-", ":", "+", ".", "2026-11-23T10:00:00", "+01:00", "1795428000", "000"})
    public void parseReadsOnlyTimestampsAndNeverThrows(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();

        Optional<Instant> epoch = TimestampFormat.EPOCH_SECONDS.parse(text);
        Optional<Instant> iso = TimestampFormat.ISO_8601.parse(text);

        if (epoch.isPresent()) {
            assertTrue(text.length() >= 1 && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9'), text);
            assertEquals(Long.parseLong(text), epoch.get().getEpochSecond(), text);
            assertEquals(0, epoch.get().getNano(), text);
        }
        if (iso.isPresent()) {
            Instant instant = iso.get();
            String written = TimestampFormat.ISO_8601.format(instant);
            assertEquals(Optional.of(instant.truncatedTo(ChronoUnit.MILLIS)), TimestampFormat.ISO_8601.parse(written),
                    () -> text + " written back as " + written);
        }
    }
}
