// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.provider.testing.KeyTablesDatabase;
import dev.signet.provider.testing.PostgresDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC key store's contract on a real PostgreSQL 15, and what only concerns PostgreSQL's driver. */
class JdbcKeyStoreTest extends JdbcKeyStoreContract {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Override
    KeyTablesDatabase database() {
        return db;
    }

    @Test
    void postgresqlGetsThePostgresqlSchema() throws Exception {
        try (Connection c = db.connect()) {
            assertEquals(KeyTablesDialect.POSTGRESQL, KeyTablesDialect.forProduct(c.getMetaData().getDatabaseProductName()));
        }
        assertEquals(KeyTablesDialect.POSTGRESQL.schemaSql(), JdbcKeyStore.schemaSql());
    }

    @Test
    void theDriverIsFoundThroughServiceLoaderAndAnUnknownUrlIsNotShown() throws Exception {
        assertEquals("org.postgresql.Driver", ConnectionSource.driverFor("jdbc:postgresql://127.0.0.1/x").getClass().getName());
        java.sql.SQLException none = assertThrows(java.sql.SQLException.class,
                () -> ConnectionSource.driverFor("jdbc:nosuchdb://h/db?password=hunter2"));
        assertFalse(none.getMessage().contains("hunter2"), none.getMessage());
    }

    @Test
    void anUnreachableDatabaseIsAKeyStoreExceptionWithoutThePassword() {
        JdbcKeyStore nowhere = new JdbcKeyStore(ConnectionSource.url("jdbc:postgresql://127.0.0.1:1/none", "u",
                "hunter2-password"));
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> nowhere.find("k"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.getMessage());
        }
    }
}
