// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.keys.jdbc.ConnectionSource;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh in-memory Apache Derby database with Signet's key tables (created by {@code JdbcKeyStore.createSchema()},
 * so from {@code schema-derby.sql}) for one test class, dropped after it:
 * {@code @RegisterExtension static final DerbyDatabase db = new DerbyDatabase();}. Embedded Derby is the same
 * engine as the network server GlassFish starts with {@code asadmin start-database}, in the version it bundles.
 */
public final class DerbyDatabase implements BeforeAllCallback, AfterAllCallback, KeyTablesDatabase {

    static {
        // Derby writes derby.log into the working directory unless told otherwise: keep it under target/.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private final String url = "jdbc:derby:memory:signet-" + UUID.randomUUID();

    @Override
    public void beforeAll(ExtensionContext context) {
        new JdbcKeyStore(connections()).createSchema();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException dropped) {
            // Derby reports a successful drop as SQLState 08006; anything else is only a leftover in memory.
        }
    }

    public String url() {
        return url;
    }

    @Override
    public ConnectionSource connections() {
        return ConnectionSource.url(url + ";create=true", null, null);
    }

    @Override
    public Connection connect() throws SQLException {
        return connections().open();
    }
}
