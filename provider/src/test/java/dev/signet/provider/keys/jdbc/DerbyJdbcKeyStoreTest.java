// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.provider.testing.DerbyDatabase;
import dev.signet.provider.testing.KeyTablesDatabase;
import java.sql.Connection;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC key store's contract on a real embedded Apache Derby (the version GlassFish 7.0.21 bundles), with
 * the tables of {@code schema-derby.sql}, and what only concerns Derby.
 */
class DerbyJdbcKeyStoreTest extends JdbcKeyStoreContract {

    @RegisterExtension
    static final DerbyDatabase db = new DerbyDatabase();

    @Override
    KeyTablesDatabase database() {
        return db;
    }

    @Test
    void derbyIsToldFromItsProductNameAndGetsTheDerbySchema() throws Exception {
        try (Connection c = db.connect()) {
            assertEquals("Apache Derby", c.getMetaData().getDatabaseProductName());
            assertEquals(KeyTablesDialect.DERBY, KeyTablesDialect.forProduct(c.getMetaData().getDatabaseProductName()));
        }
        assertEquals("META-INF/signet/schema-derby.sql", KeyTablesDialect.DERBY.resource());
    }

    @Test
    void theDerbySchemaUsesOnlyWhatDerbyAccepts() {
        String ddl = KeyTablesDialect.DERBY.schemaSql();
        for (String statement : JdbcKeyStore.statements(ddl)) {
            String upper = statement.toUpperCase(Locale.ROOT);
            assertFalse(upper.contains("IF NOT EXISTS"), statement);
            assertFalse(upper.contains("TIME ZONE"), statement);
            assertFalse(upper.matches("(?s).*\\bTEXT\\b.*"), statement);
        }
        assertEquals(5, JdbcKeyStore.statements(ddl).size(), "four tables and one index");
    }

    @Test
    void theEmbeddedDriverIsFoundThroughServiceLoader() throws Exception {
        assertTrue(ConnectionSource.driverFor(db.url()).getClass().getName().startsWith("org.apache.derby."));
    }
}
