// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** MicroProfile Config, touched only after {@link #available()} said the server has it. */
final class MicroProfileSettings {

    private MicroProfileSettings() {
    }

    static boolean available() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, MicroProfileSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static SettingsSource first(SettingsSource fallback) {
        return name -> {
            Optional<String> value;
            try {
                value = ConfigProvider.getConfig().getOptionalValue(name, String.class);
            } catch (IllegalStateException | LinkageError noConfigHere) {
                value = Optional.empty();
            }
            return value.or(() -> fallback.get(name));
        };
    }
}
