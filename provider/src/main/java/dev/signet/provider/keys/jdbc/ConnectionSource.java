package dev.signet.provider.keys.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
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
     * A new connection from {@link DriverManager} each time: for tools and servers without a configured
     * {@code DataSource}. With the cache in front, the server opens one per key id per cache period at most.
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
        return () -> DriverManager.getConnection(url, properties);
    }
}
