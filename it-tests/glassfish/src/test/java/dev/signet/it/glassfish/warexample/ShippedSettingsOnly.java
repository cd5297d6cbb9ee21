// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish.warexample;

import dev.signet.provider.settings.SettingsSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Added by JdbcWarExampleOnGlassFishIT to the shipped WAR, and only there: the test domain carries the scenario
 * suite's server-wide Signet system properties ({@code -Dsignet.scheme=canonical}, a clustered replay cache), which
 * MicroProfile Config would put above the WAR's own file. This bean makes the WAR's
 * {@code META-INF/microprofile-config.properties} its only settings, so the example runs as a user deploys it
 * on a plain domain.
 */
@ApplicationScoped
public class ShippedSettingsOnly implements SettingsSource {

    static final String FILE = "META-INF/microprofile-config.properties";

    private final Properties shipped = new Properties();

    @PostConstruct
    void load() {
        try (InputStream in = ShippedSettingsOnly.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not in the WAR");
            }
            shipped.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(shipped.getProperty(name));
    }
}
