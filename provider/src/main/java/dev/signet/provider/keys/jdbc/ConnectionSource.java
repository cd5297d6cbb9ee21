// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;

/** Where {@link JdbcKeyStore} gets a connection for each lookup or change; it closes every one it opens. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;

    /** The server's (pooled) {@code DataSource}: the way to go on an application server. */
    static ConnectionSource of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return dataSource::getConnection;
    }

    /**
     * A new connection from the JDBC driver that accepts {@code url} each time: for tools and servers without a
     * configured {@code DataSource}. With the cache in front, the server opens one per key id per cache period
     * at most. The driver is found as {@link #driverFor} finds it, on first use.
     *
     * @param user     or {@code null} when the URL names it
     * @param password or {@code null}; held only to connect, never shown
     */
    static ConnectionSource url(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return () -> {
            Connection connection = driverFor(url).connect(url, properties);
            if (connection == null) {
                throw new SQLException("the JDBC driver refused the URL");
            }
            return connection;
        };
    }

    /**
     * The driver that accepts {@code url}: looked up with {@link ServiceLoader} in the application's class
     * loaders first (in a WAR, {@link DriverManager} only knows drivers that something has loaded already), then
     * in {@link DriverManager}. The exception names no part of the URL.
     */
    static Driver driverFor(String url) throws SQLException {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(ConnectionSource.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            try {
                for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                    if (driver.acceptsURL(url)) {
                        return driver;
                    }
                }
            } catch (ServiceConfigurationError | SQLException e) {
                // a broken driver declaration elsewhere on the class path: keep looking
            }
        }
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SQLException("no JDBC driver on the class path accepts the URL", e.getSQLState());
        }
    }
}
