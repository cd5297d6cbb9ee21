// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ISO 8601 fast path (the form clients write) reads exactly what the full ISO parser reads. */
class TimestampFormatTest {

    private static Optional<Instant> fullParser(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Test
    void theWrittenFormReadsAsTheFullParserReadsIt() {
        List<String> texts = List.of("2025-03-15T09:45:53.000Z", "2026-12-01T05:35:00.123Z", "0000-01-01T00:00:00.000Z",
                "9999-12-31T23:59:59.999Z", "2024-02-29T12:00:00.000Z", "2025-02-29T12:00:00.000Z", "2025-02-30T12:00:00.000Z",
                "2025-04-31T12:00:00.000Z", "2025-13-01T00:00:00.000Z", "2025-00-01T00:00:00.000Z", "2025-01-00T00:00:00.000Z",
                "2025-01-01T24:00:00.000Z", "2025-01-01T23:60:00.000Z", "2025-01-01T23:59:60.000Z", "2025-01-01T23:59:59.999Z");
        for (String text : texts) {
            assertTrue(TimestampFormat.isWrittenForm(text), text);
            assertEquals(fullParser(text), TimestampFormat.ISO_8601.parse(text), text);
        }
    }

    @Test
    void randomDigitsInTheWrittenShapeReadAsTheFullParserReadsThem() {
        Random random = new Random(17);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            for (char c : "dddd-dd-ddTdd:dd:dd.dddZ".toCharArray()) {
                b.append(c == 'd' ? (char) ('0' + random.nextInt(10)) : c);
            }
            String text = b.toString();
            assertEquals(fullParser(text), TimestampFormat.ISO_8601.parse(text), text);
        }
    }

    @Test
    void everyOtherFormGoesToTheFullParser() {
        for (String text : List.of("2025-03-15T09:45:53Z", "2025-03-15T09:45:53.000+01:00", "2025-03-15T09:45:53.0000Z",
                "2025-03-15T09:45:53.000z", "+2025-03-15T09:45:53.000Z", "2025-03-15 09:45:53.000Z", "２025-03-15T09:45:53.000Z")) {
            assertFalse(TimestampFormat.isWrittenForm(text), text);
            assertEquals(fullParser(text), TimestampFormat.ISO_8601.parse(text), text);
        }
    }

    @Test
    void writtenTimestampsReadBack() {
        Instant now = Instant.parse("2026-12-01T06:30:00.456Z");
        assertEquals(Optional.of(now), TimestampFormat.ISO_8601.parse(TimestampFormat.ISO_8601.format(now)));
    }
}
