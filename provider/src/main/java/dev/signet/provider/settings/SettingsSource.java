// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a setting's value comes from: MicroProfile Config when the server has it, then system properties,
 * then environment variables ({@code signet.max-body-bytes} is {@code SIGNET_MAX_BODY_BYTES}).
 */
@FunctionalInterface
public interface SettingsSource {

    Optional<String> get(String name);

    static SettingsSource detect() {
        SettingsSource plain = name -> Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(environmentName(name))));
        return MicroProfileSettings.available() ? MicroProfileSettings.first(plain) : plain;
    }

    static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
