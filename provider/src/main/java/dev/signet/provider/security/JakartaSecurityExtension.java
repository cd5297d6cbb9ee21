// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides once, while the application deploys, whether a verified request becomes the Jakarta Security
 * caller: yes when the Jakarta Security API is there and the application has no authentication mechanism of
 * its own (Jakarta Security 3 allows one per application; Signet must not take the place of the
 * application's). Then it registers {@link SignedCallerMechanism}, and the verification filters are
 * followed by {@link JakartaSecurityLogin}, which finds out on the first request whether the
 * server implements the API. (Not here: on GlassFish the BeanManager an extension in {@code WEB-INF/lib} is
 * given at deployment does not always see the server's {@code SecurityContext} bean.) Not final: CDI proxies an extension it injects.
 */
public class JakartaSecurityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(JakartaSecurityExtension.class.getName());
    private static final String MECHANISM = "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism";
    private static final String OWN_MECHANISM = "dev.signet.provider.security.SignedCallerMechanism";
    private static final String DEFINITIONS = "jakarta.security.enterprise.authentication.mechanism.http.";

    private volatile String applicationMechanism;
    private volatile boolean registered;

    /** Notes an application's own mechanism: a bean of that type, or one defined by an annotation. */
    void noteMechanisms(@Observes ProcessBean<?> event) {
        Class<?> beanClass = event.getBean().getBeanClass();
        // By name: naming the class would load it, and with it Jakarta Security's types, which a server
        // without Jakarta Security does not have.
        if (beanClass.getName().equals(OWN_MECHANISM)) {
            return;
        }
        for (Type type : event.getBean().getTypes()) {
            if (type.getTypeName().equals(MECHANISM)) {
                applicationMechanism = beanClass.getName();
            }
        }
        for (Annotation annotation : beanClass.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith(DEFINITIONS) && name.endsWith("MechanismDefinition")) {
                applicationMechanism = beanClass.getName() + " (@" + annotation.annotationType().getSimpleName() + ")";
            }
        }
    }

    void register(@Observes AfterBeanDiscovery discovery) {
        if (!jakartaSecurityPresent()) {
            return; // Signet's JAX-RS caller only, as on a servlet container without Jakarta Security
        }
        if (applicationMechanism != null) {
            LOG.info(() -> "Signet: the application has its own authentication mechanism, " + applicationMechanism
                    + "; verified keys are the JAX-RS caller only, not the Jakarta Security caller");
            return;
        }
        MechanismBean.add(discovery);
        registered = true;
    }

    /** Whether verified keys are logged in to Jakarta Security in this application. */
    public boolean callerRegistered() {
        return registered;
    }

    /** The application's own mechanism, when it has one. */
    public Optional<String> applicationMechanism() {
        return Optional.ofNullable(applicationMechanism);
    }

    private static boolean jakartaSecurityPresent() {
        try {
            loaded(MECHANISM);
            return true;
        } catch (IllegalStateException absent) {
            return false;
        }
    }

    private static Class<?> loaded(String name) {
        try {
            return Class.forName(name, false, JakartaSecurityExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            throw new IllegalStateException(name + " is not on the class path", absent);
        }
    }
}
