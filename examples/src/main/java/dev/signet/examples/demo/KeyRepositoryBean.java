// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.provider.keys.KeyRepository;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Makes one given {@link KeyRepository} the application's key repository bean. The keys are known only
 * at run time (generated, or read from the file the settings name), so the bean is added to the container
 * as an instance rather than discovered as a class; Signet then uses it in place of its built-ins.
 */
final class KeyRepositoryBean implements Extension {

    private final KeyRepository keys;

    KeyRepositoryBean(KeyRepository keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    void addRepository(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(KeyRepository.class)
                .types(KeyRepository.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> keys);
    }
}
