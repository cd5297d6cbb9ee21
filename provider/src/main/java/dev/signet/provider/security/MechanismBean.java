// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

/**
 * The one place that names Jakarta Security's types while the application deploys, loaded only once the
 * extension knows they are there: the extension itself must load on servers without them.
 */
final class MechanismBean {

    private MechanismBean() {
    }

    static void add(AfterBeanDiscovery discovery) {
        discovery.addBean()
                .beanClass(SignedCallerMechanism.class)
                .types(HttpAuthenticationMechanism.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new SignedCallerMechanism());
    }
}
