// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.keys.jdbc.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A real database holding Signet's key tables for one test class: PostgreSQL or Derby, to the same contract. */
public interface KeyTablesDatabase {

    /** Where {@link dev.signet.provider.keys.jdbc.JdbcKeyStore} gets its connections. */
    ConnectionSource connections();

    /** A connection of the test's own, outside Signet. */
    Connection connect() throws SQLException;

    /** Runs one SQL statement (DELETE, UPDATE, ...) outside Signet, as an operator would. */
    default int execute(String sql) {
        try (Connection c = connect(); var s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
