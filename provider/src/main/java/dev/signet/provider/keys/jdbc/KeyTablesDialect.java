// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which of the shipped DDL scripts creates Signet's key tables in a database. Only the DDL differs: every
 * statement {@link JdbcKeyStore} runs at run time is the same on each of them.
 */
public enum KeyTablesDialect {

    /** PostgreSQL 12 or later: {@code IF NOT EXISTS} makes the script idempotent on its own. */
    POSTGRESQL("META-INF/signet/schema-postgresql.sql") {
        @Override
        boolean alreadyExists(SQLException e) {
            return false;
        }
    },

    /**
     * Apache Derby 10.15 or later (GlassFish's bundled database): no {@code IF NOT EXISTS}, so a statement that
     * fails with SQLState {@code X0Y32} ("already exists") is a table or index created by an earlier run.
     */
    DERBY("META-INF/signet/schema-derby.sql") {
        @Override
        boolean alreadyExists(SQLException e) {
            return "X0Y32".equals(e.getSQLState());
        }
    };

    private final String resource;

    KeyTablesDialect(String resource) {
        this.resource = resource;
    }

    /**
     * The dialect of a database as JDBC names it ({@code DatabaseMetaData.getDatabaseProductName()}:
     * "PostgreSQL", "Apache Derby"). Any other product gets the PostgreSQL script, as before there was a choice:
     * the standard SQL most databases accept.
     */
    public static KeyTablesDialect forProduct(String productName) {
        return productName != null && productName.toLowerCase(Locale.ROOT).contains("derby") ? DERBY : POSTGRESQL;
    }

    /** Where the script is on the class path, e.g. {@code META-INF/signet/schema-derby.sql}. */
    public String resource() {
        return resource;
    }

    /** The script's text, as shipped in the provider jar. */
    public String schemaSql() {
        try (InputStream in = KeyTablesDialect.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a failed DDL statement only says that its table or index exists already (an earlier run made it). */
    abstract boolean alreadyExists(SQLException e);
}
