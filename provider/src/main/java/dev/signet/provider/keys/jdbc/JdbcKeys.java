// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import dev.signet.provider.keys.CachingKeyRepository;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.settings.InvalidSettingException;
import dev.signet.provider.settings.JdbcKeySettings;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Builds the server's key repository from the {@code signet.keys.jdbc.*} settings: the store, cached. */
public final class JdbcKeys {

    private JdbcKeys() {
    }

    /**
     * The cached JDBC repository the settings describe. Checked now, so a mistake fails the deployment: the
     * JNDI name must name a {@code DataSource}, and a driver must accept the URL. The database itself is not
     * contacted until the first signed request (a database that is down then refuses requests with 503,
     * and the application still starts).
     */
    public static CachingKeyRepository from(JdbcKeySettings settings) {
        ConnectionSource connections;
        if (settings.dataSource().isPresent()) {
            connections = ConnectionSource.of(lookup(settings.dataSource().get()));
        } else {
            String url = settings.url().orElseThrow();
            try {
                ConnectionSource.driverFor(url);
            } catch (SQLException e) {
                throw new InvalidSettingException("signet.keys.jdbc.url", JdbcKeySettings.redactedUrl(url),
                        "no JDBC driver on the class path accepts it (add the database's driver to the application)");
            }
            connections = ConnectionSource.url(url, settings.user().orElse(null), settings.password().orElse(null));
        }
        return cached(new JdbcKeyStore(connections), settings);
    }

    static CachingKeyRepository cached(KeyRepository store, JdbcKeySettings settings) {
        return new CachingKeyRepository(store, settings.cacheTtl(), settings.cacheSize());
    }

    // The name is the operator's setting, read once at deployment; no request ever reaches a JNDI lookup.
    @SuppressWarnings("BanJNDI")
    private static DataSource lookup(String name) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new InvalidSettingException("signet.keys.jdbc.datasource", name,
                    "no DataSource is bound to this JNDI name (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!(found instanceof DataSource dataSource)) {
            throw new InvalidSettingException("signet.keys.jdbc.datasource", name,
                    "the JNDI name holds a " + (found == null ? "null" : found.getClass().getName()) + ", not a DataSource");
        }
        return dataSource;
    }
}
