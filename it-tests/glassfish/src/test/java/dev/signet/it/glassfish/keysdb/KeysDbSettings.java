// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish.keysdb;

import dev.signet.provider.settings.SettingsSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * This WAR's Signet settings as an application bean (the server-wide system properties belong to the scenario
 * WAR): keys from the DataSource that WEB-INF/web.xml defines, cached for one second.
 */
@ApplicationScoped
public class KeysDbSettings implements SettingsSource {

    public static final String DATASOURCE = "java:app/jdbc/signet-keys";

    private static final Map<String, String> SETTINGS = Map.of(
            "signet.keys.jdbc.datasource", DATASOURCE,
            "signet.keys.jdbc.cache-seconds", "1");

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(SETTINGS.get(name));
    }
}
