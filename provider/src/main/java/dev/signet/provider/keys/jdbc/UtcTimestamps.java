// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The key tables' timestamps as {@link Instant}s, in the one mapping every driver supports:
 * {@link Timestamp} with a UTC {@link Calendar}. On PostgreSQL's {@code TIMESTAMP WITH TIME ZONE} the driver
 * sends the offset and the column keeps the instant; on Derby's {@code TIMESTAMP} (no time zone type, and no
 * {@code OffsetDateTime} through {@code setObject}) the column holds the UTC wall-clock time, read back with the
 * same calendar, so the server's own time zone never shifts an expiry.
 */
final class UtcTimestamps {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UtcTimestamps() {
    }

    static void set(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP);
        } else {
            s.setTimestamp(index, Timestamp.from(instant), utc());
        }
    }

    static Instant get(ResultSet r, String column) throws SQLException {
        Timestamp value = r.getTimestamp(column, utc());
        return value == null ? null : value.toInstant();
    }

    /** A new calendar per call: drivers may set fields on the one they are given, and calendars are not thread-safe. */
    private static Calendar utc() {
        return Calendar.getInstance(UTC, Locale.ROOT);
    }
}
