// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the timestamp header is written and read. The signed string always uses the header's exact text. */
public enum TimestampFormat {
    /** Unix epoch seconds, digits only (seeds 000, 001, 003, 004). */
    EPOCH_SECONDS {
        @Override
        public String format(Instant instant) {
            return Long.toString(instant.getEpochSecond());
        }

        @Override
        public Optional<Instant> parse(String text) {
            // 18 digits always fit a long; anything longer, signed or spaced is malformed, not "out of range".
            if (text.isEmpty() || text.length() > 18) {
                return Optional.empty();
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
            }
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            } catch (DateTimeException beyondInstant) {
                return Optional.empty();
            }
        }
    },
    /**
     * ISO 8601 with an offset (seed 002). Written as JavaScript's {@code Date.toISOString()} writes it,
     * {@code 2025-03-15T09:45:53.000Z}; any ISO 8601 instant with {@code Z} or an offset is read.
     */
    ISO_8601 {
        private final DateTimeFormatter writer =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        public String format(Instant instant) {
            return writer.format(instant);
        }

        @Override
        public Optional<Instant> parse(String text) {
            if (text.isEmpty() || text.length() > 64) {
                return Optional.empty();
            }
            try {
                if (isWrittenForm(text)) {
                    return Optional.of(readWrittenForm(text));
                }
                return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeException malformed) {
                return Optional.empty();
            }
        }
    };

    /**
     * Whether {@code text} has exactly the shape {@link #format} writes for ISO 8601,
     * {@code dddd-dd-ddTdd:dd:dd.dddZ}: the one form clients send, read without {@code DateTimeFormatter}
     * (its parse was a third of json-payload's verification CPU, benchmarks/README.md section 1). Every other
     * form goes to the full ISO parser; for this one both give the same instant or the same refusal
     * ({@code TimestampFormatTest} checks it).
     */
    static boolean isWrittenForm(String text) {
        if (text.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = text.charAt(i);
            char expected = WRITTEN_SHAPE.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        return true;
    }

    private static final String WRITTEN_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

    /** The instant of a text of the written form; invalid fields (month 13, 30 February, hour 24) throw. */
    static Instant readWrittenForm(String text) {
        return java.time.LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 23) * 1_000_000).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    public abstract String format(Instant instant);

    /** The instant, or empty when the text is not a timestamp in this format. */
    public abstract Optional<Instant> parse(String text);
}
