// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The deployment-time decision of {@link JakartaSecurityExtension}, in a real CDI container (Weld SE): Signet's
 * mechanism is registered only where the application has no mechanism of its own. That the server then logs the key in is proven on GlassFish and
 * Payara Micro by the it-tests.
 */
class JakartaSecurityExtensionTest {

    @Test
    void withoutAMechanismOfItsOwnTheApplicationGetsSignets() {
        try (WeldContainer container = weld()) {
            assertTrue(extension(container).callerRegistered());
            assertInstanceOf(SignedCallerMechanism.class,
                    unproxied(container.select(HttpAuthenticationMechanism.class).get()));
        }
    }

    @Test
    void anApplicationsOwnMechanismKeepsItsPlace() {
        try (WeldContainer container = weld(ApplicationMechanism.class)) {
            JakartaSecurityExtension extension = extension(container);
            assertFalse(extension.callerRegistered());
            assertEquals(ApplicationMechanism.class.getName(), extension.applicationMechanism().orElseThrow());
            assertTrue(container.select(HttpAuthenticationMechanism.class).isResolvable(),
                    "exactly one mechanism, the application's");
        }
    }

    @Test
    void aMechanismDefinedByAnnotationKeepsItsPlace() {
        try (WeldContainer container = weld(BasicLoginConfiguration.class)) {
            JakartaSecurityExtension extension = extension(container);
            assertFalse(extension.callerRegistered());
            assertTrue(extension.applicationMechanism().orElseThrow().contains("BasicAuthenticationMechanismDefinition"));
        }
    }

    @Test
    void theExtensionKnowsItsOwnMechanismByItsCurrentName() throws Exception {
        // The extension names it as text so that it loads on servers without Jakarta Security.
        java.lang.reflect.Field own = JakartaSecurityExtension.class.getDeclaredField("OWN_MECHANISM");
        own.setAccessible(true);
        assertEquals(SignedCallerMechanism.class.getName(), own.get(null));
    }

    private static WeldContainer weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new JakartaSecurityExtension()).addBeanClasses(beans)
                .initialize();
    }

    private static JakartaSecurityExtension extension(WeldContainer container) {
        return container.select(JakartaSecurityExtension.class).get();
    }

    private static Object unproxied(HttpAuthenticationMechanism proxy) {
        return proxy instanceof org.jboss.weld.proxy.WeldClientProxy client ? client.getMetadata().getContextualInstance() : proxy;
    }

    @ApplicationScoped
    static class ApplicationMechanism implements HttpAuthenticationMechanism {
        @Override
        public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                HttpMessageContext context) {
            return context.doNothing();
        }
    }

    @ApplicationScoped
    @BasicAuthenticationMechanismDefinition(realmName = "app")
    static class BasicLoginConfiguration {
    }
}
