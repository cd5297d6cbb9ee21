// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import dev.signet.provider.keys.CachingKeyRepository;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.settings.InvalidSettingException;
import dev.signet.provider.settings.JdbcKeySettings;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Builds the server's key repository from the {@code signet.keys.jdbc.*} settings: the store, cached. */
public final class JdbcKeys {

    private static final Logger LOG = Logger.getLogger(JdbcKeys.class.getName());

    private JdbcKeys() {
    }

    /**
     * The cached JDBC repository the settings describe. Checked now, so a mistake fails the deployment: the
     * JNDI name must name a {@code DataSource}, and a driver must accept the URL. (A {@code java:comp/},
     * {@code java:module/} or {@code java:app/} name that cannot be looked up while the application starts is
     * looked up at the first signed request instead, with a warning: GlassFish gives the starting thread no
     * application naming context. Names in {@code java:global/} or the server's own namespace are always
     * checked now.) The database itself is not
     * contacted until the first signed request (a database that is down then refuses requests with 503,
     * and the application still starts).
     */
    public static CachingKeyRepository from(JdbcKeySettings settings) {
        ConnectionSource connections;
        if (settings.dataSource().isPresent()) {
            String name = settings.dataSource().get();
            try {
                connections = ConnectionSource.of(lookup(name));
            } catch (InvalidSettingException notNow) {
                if (!inComponentNamespace(name)) {
                    throw notNow;
                }
                // java:comp, java:module and java:app need the application's naming context, which some servers
                // (GlassFish) do not give the thread that starts the application: look it up on a request.
                LOG.warning(() -> "Signet: the DataSource " + name + " cannot be looked up while the application starts ("
                        + notNow.getMessage() + "); it is looked up at the first signed request instead, and"
                        + " requests are refused with 503 while it cannot be found");
                connections = lazily(name);
            }
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

    /** Names that only resolve inside the application's naming context (EE 10, 5.2.2). */
    static boolean inComponentNamespace(String name) {
        return name.startsWith("java:comp/") || name.startsWith("java:module/") || name.startsWith("java:app/");
    }

    /** Looks the DataSource up on first use (on a request's thread), then keeps it. */
    static ConnectionSource lazily(String name) {
        AtomicReference<DataSource> found = new AtomicReference<>();
        return () -> {
            DataSource dataSource = found.get();
            if (dataSource == null) {
                try {
                    dataSource = lookup(name);
                } catch (InvalidSettingException e) {
                    throw new SQLException(e.getMessage(), e);
                }
                found.compareAndSet(null, dataSource);
            }
            return dataSource.getConnection();
        };
    }

    // The name is the operator's setting, never a request's input: a component-namespace name may be looked
    // up on the first request's thread (lazily), but always the one configured name.
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
