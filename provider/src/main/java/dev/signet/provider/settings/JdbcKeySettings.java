// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the JDBC key store is and how long its answers are kept. Exactly one of {@code dataSource} (a JNDI
 * name) and {@code url} is set. {@link #toString()} never shows the password, nor the URL's parameters (a
 * JDBC URL may carry {@code password=}).
 *
 * @param dataSource the server's {@code DataSource} by JNDI name ({@code signet.keys.jdbc.datasource})
 * @param url        a JDBC URL, for a server without a configured {@code DataSource} ({@code signet.keys.jdbc.url})
 * @param user       the user for {@code url}, if not in the URL ({@code signet.keys.jdbc.user})
 * @param password   the password for {@code url} ({@code signet.keys.jdbc.password}); never logged
 * @param cacheTtl   how long a looked-up key (or its absence) is reused; the bound within which a revoked or
 *                   disabled key is refused ({@code signet.keys.jdbc.cache-seconds}, default 5; 0 = no cache)
 * @param cacheSize  how many key ids the cache holds at most ({@code signet.keys.jdbc.cache-size})
 */
public record JdbcKeySettings(
        Optional<String> dataSource,
        Optional<String> url,
        Optional<String> user,
        Optional<String> password,
        Duration cacheTtl,
        int cacheSize) {

    public JdbcKeySettings {
        if (dataSource.isPresent() == url.isPresent()) {
            throw new IllegalArgumentException("exactly one of a JNDI name and a JDBC URL");
        }
    }

    /** The JNDI name, or the URL without its parameters: what a log line may show. */
    public String describe() {
        return dataSource.map(name -> "DataSource " + name)
                .orElseGet(() -> "JDBC URL " + redactedUrl(url.orElseThrow()) + user.map(u -> " as " + u).orElse(""));
    }

    /** A JDBC URL up to its parameters, which may hold a password ({@code ?password=}, {@code ;password=}). */
    public static String redactedUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return cut < url.length() ? url.substring(0, cut) + "?..." : url;
    }

    @Override
    public String toString() {
        return "JdbcKeySettings[" + describe() + ", password " + (password.isPresent() ? "set" : "not set")
                + ", cacheTtl=" + cacheTtl + ", cacheSize=" + cacheSize + "]";
    }
}
