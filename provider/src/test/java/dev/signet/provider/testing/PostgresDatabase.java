// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.keys.jdbc.ConnectionSource;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database with Signet's key tables, in the JVM's {@link PostgresCluster}, for one test class:
 * {@code @RegisterExtension static final PostgresDatabase db = new PostgresDatabase();}. Fails (never
 * skips) when PostgreSQL is not installed.
 */
public final class PostgresDatabase implements BeforeAllCallback, KeyTablesDatabase {

    private PostgresCluster cluster;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) {
        new PostgresCluster.StopAtEnd().beforeAll(context);
        cluster = PostgresCluster.shared();
        name = cluster.newDatabase();
        new JdbcKeyStore(connections()).createSchema();
    }

    public String url() {
        return cluster.url(name);
    }

    public String user() {
        return cluster.user();
    }

    public String password() {
        return cluster.password();
    }

    @Override
    public Connection connect() throws SQLException {
        return cluster.connect(name);
    }

    @Override
    public ConnectionSource connections() {
        return ConnectionSource.url(url(), user(), password());
    }

    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    /** The settings that point a server at this database by URL. */
    public Map<String, String> urlSettings() {
        return Map.of("signet.keys.jdbc.url", url(), "signet.keys.jdbc.user", user(),
                "signet.keys.jdbc.password", password());
    }
}
