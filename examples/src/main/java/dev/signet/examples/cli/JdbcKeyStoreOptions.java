// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.provider.keys.jdbc.ConnectionSource;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import dev.signet.provider.keys.jdbc.KeyStoreException;
import dev.signet.provider.settings.JdbcKeySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDBC tables as a {@link KeyStore}: {@code --jdbc-url URL [--jdbc-user USER]} and the password from a
 * file ({@code --jdbc-password-file}) or an environment variable ({@code --jdbc-password-env}, default
 * {@value #DEFAULT_PASSWORD_VARIABLE}); never from the command line, where {@code ps} would show it.
 */
final class JdbcKeyStoreOptions implements KeyStore {

    static final String DEFAULT_PASSWORD_VARIABLE = "SIGNET_JDBC_PASSWORD";

    private final String url;
    private final JdbcKeyStore store;

    private JdbcKeyStoreOptions(String url, JdbcKeyStore store) {
        this.url = url;
        this.store = store;
    }

    static KeyStore open(Arguments arguments, Map<String, String> environment) throws UsageException {
        String url = arguments.required("jdbc-url");
        if (!url.startsWith("jdbc:")) {
            throw new UsageException("--jdbc-url takes a JDBC URL (jdbc:postgresql://host:port/database)");
        }
        Optional<String> user = arguments.value("jdbc-user");
        Optional<String> file = arguments.value("jdbc-password-file");
        Optional<String> variable = arguments.value("jdbc-password-env");
        if (file.isPresent() && variable.isPresent()) {
            throw new UsageException("give --jdbc-password-file or --jdbc-password-env, not both");
        }
        String password;
        if (file.isPresent()) {
            try {
                password = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageException("cannot read the password file " + file.get() + ": " + e.getMessage());
            }
        } else {
            String name = variable.orElse(DEFAULT_PASSWORD_VARIABLE);
            password = environment.get(name);
            if (password == null && variable.isPresent()) {
                throw new UsageException("the environment variable " + name + " is not set");
            }
        }
        return new JdbcKeyStoreOptions(url, new JdbcKeyStore(ConnectionSource.url(url, user.orElse(null), password)));
    }

    @Override
    public String describe() {
        return JdbcKeySettings.redactedUrl(url);
    }

    @Override
    public String whenServersSeeIt() {
        return "servers reading these tables see it within signet.keys.jdbc.cache-seconds (default 5 s)";
    }

    @Override
    public List<ApiKey> list() throws UsageException {
        return call(store::all);
    }

    @Override
    public void add(ApiKey key) throws UsageException {
        call(() -> {
            store.add(key);
            return null;
        });
    }

    @Override
    public void rotate(String keyId, String newSecret, Instant oldNotAfter, Instant now) throws UsageException {
        call(() -> {
            store.rotate(keyId, newSecret, oldNotAfter, now);
            return null;
        });
    }

    @Override
    public void setStatus(String keyId, KeyStatus status) throws UsageException {
        call(() -> {
            store.setStatus(keyId, status);
            return null;
        });
    }

    private interface Call<T> {
        T run();
    }

    /** A store error is the command's answer: its message, and the database's reason when there is one. */
    private <T> T call(Call<T> call) throws UsageException {
        try {
            return call.run();
        } catch (KeyStoreException e) {
            String reason = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
            throw new StoreFailure(e.getMessage() + " in " + describe() + reason);
        }
    }
}
