// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.settings.SettingsSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Gives one test server its own settings (and, when asked, its own clock) as CDI beans, the way an
 * application provides a {@link SettingsSource}: nothing JVM-wide changes, so tests cannot leak settings.
 */
public final class TestSettings implements Extension {

    private final Map<String, String> settings;
    private final Clock clock;
    private final KeyRepository keys;
    private final boolean withoutKeysBean;
    private final Map<Class<?>, Object> beans = new java.util.LinkedHashMap<>();

    public TestSettings(Map<String, String> settings, Clock clock) {
        this(settings, clock, null);
    }

    /** With {@code keys} not null, they replace {@link TestKeys} as the application's repository. */
    public TestSettings(Map<String, String> settings, Clock clock, KeyRepository keys) {
        this(settings, clock, keys, false);
    }

    private TestSettings(Map<String, String> settings, Clock clock, KeyRepository keys, boolean withoutKeysBean) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.keys = keys;
        this.withoutKeysBean = withoutKeysBean;
    }

    /**
     * An application without a {@link KeyRepository} bean ({@link TestKeys} is vetoed), so Signet picks its
     * built-in repository from the settings (a key file, JDBC), as in a WAR that only configures one.
     */
    public static TestSettings withoutKeysBean(Map<String, String> settings, Clock clock) {
        return new TestSettings(settings, clock, null, true);
    }

    /** Adds {@code instance} as the application's bean of {@code type} (an {@code OpenTelemetry}, say). */
    public <T> TestSettings withBean(Class<T> type, T instance) {
        beans.put(type, instance);
        return this;
    }

    void replaceTestKeys(@Observes ProcessAnnotatedType<TestKeys> type) {
        if (keys != null || withoutKeysBean) {
            type.veto();
        }
    }

    void addBeans(@Observes AfterBeanDiscovery discovery) {
        if (keys != null) {
            discovery.addBean().types(KeyRepository.class, Object.class).scope(Dependent.class).createWith(c -> keys);
        }
        SettingsSource source = name -> Optional.ofNullable(settings.get(name));
        discovery.addBean().types(SettingsSource.class, Object.class).scope(Dependent.class).createWith(c -> source);
        beans.forEach((type, instance) ->
                discovery.addBean().types(type, Object.class).scope(Dependent.class).createWith(c -> instance));
        if (clock != null) {
            discovery.addBean().types(Clock.class, Object.class).scope(Dependent.class).createWith(c -> clock);
        }
    }
}
