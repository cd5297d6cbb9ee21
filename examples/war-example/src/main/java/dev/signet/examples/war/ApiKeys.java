// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.war;

import dev.signet.core.keys.ApiKey;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import dev.signet.provider.keys.KeyRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application's own key repository: Signet asks it for every signed request. This one reads the JSON
 * key file that {@code signet keygen} writes, from the path in the {@code TRANSFERS_KEYS_FILE} environment
 * variable (or system property); a real application would ask its own key store here, and cache.
 */
@ApplicationScoped
public class ApiKeys implements KeyRepository {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());
    static final String SETTING = "TRANSFERS_KEYS_FILE";

    private KeyRepository keys;

    @PostConstruct
    void load() {
        Optional<Path> file = Optional.ofNullable(System.getProperty(SETTING)).or(() -> Optional.ofNullable(System.getenv(SETTING)))
                .map(Path::of).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            LOG.warning(SETTING + " names no key file: every signed request will be refused");
            keys = new InMemoryKeyRepository(List.of());
            return;
        }
        keys = KeyFile.load(file.get());
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        return keys.find(keyId);
    }
}
