// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.provider.caller.PeerAddressCapture;
import dev.signet.provider.internal.idempotency.IdempotencyCapture;
import dev.signet.provider.internal.idempotency.IdempotencyFilter;
import dev.signet.provider.internal.ratelimit.RateLimitHeaders;
import dev.signet.provider.internal.verification.EndpointTable;
import dev.signet.provider.internal.verification.ResponseSigningFilter;
import dev.signet.provider.internal.verification.ScopeRolesFilter;
import dev.signet.provider.internal.verification.SignatureVerificationFilter;
import dev.signet.provider.internal.verification.SignedEndpoint;
import dev.signet.provider.internal.verification.SignedEndpoints;
import dev.signet.provider.security.JakartaSecurityLogin;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/**
 * Binds signature verification to exactly the resource methods that ask for it with {@link SignedRequired}
 * (wherever it is written: method, class, interface, superclass), each with its own resolved scheme and
 * scopes, and {@code @RolesAllowed} checks on those methods. Runs while the application deploys: an
 * unknown scheme throws here and fails the deployment instead of a request. Found by the server's scan of
 * the WAR; register {@link SignetFeature} where there is no scan.
 */
@Provider
public final class SignedRequiredFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type == null || method == null) {
            return;
        }
        // Looked up, not injected: a DynamicFeature is created by the Jakarta REST runtime, outside CDI.
        SignetRuntime runtime = CDI.current().select(SignetRuntime.class).get();
        Optional<SignedEndpoint> signed = SignedEndpoints.resolve(runtime, type, method);
        Optional<Idempotent> idempotent = SignedEndpoints.idempotent(type, method);
        if (!isRuntimeInternal(type)) {
            runtime.endpoints().add(SignedEndpoints.row(type, method, signed));
        }
        if (signed.isEmpty()) {
            if (idempotent.isPresent()) {
                throw new IllegalStateException("Signet: @Idempotent on " + type.getName() + "." + method.getName()
                        + " needs @SignedRequired: idempotency keys are kept per verified API key");
            }
            return;
        }
        context.register(PeerAddressCapture.class, Priorities.AUTHENTICATION - 100);
        context.register(new SignatureVerificationFilter(runtime, signed.get(), idempotent.isPresent()), Priorities.AUTHENTICATION);
        if (runtime.jakartaSecurityCaller()) {
            context.register(JakartaSecurityLogin.class, Priorities.AUTHENTICATION + 10);
        }
        if (signed.get().signResponse()) {
            context.register(new ResponseSigningFilter(runtime.responseSigner().orElseThrow(), runtime.clock()));
        }
        context.register(RateLimitHeaders.class, Priorities.HEADER_DECORATOR);
        if (idempotent.isPresent()) {
            context.register(new IdempotencyFilter(runtime, signed.get().pipeline().scheme(), idempotent.get().required()),
                    Priorities.USER);
            // Lowest priority: the last response filter and the outermost writer interceptor.
            context.register(new IdempotencyCapture(runtime), 1);
        }
        Set<String> roles = roles(method, type);
        if (roles != null) {
            SignatureScheme scheme = signed.get().pipeline().scheme();
            context.register(new ScopeRolesFilter(scheme, runtime.responses(), roles), ScopeRolesFilter.PRIORITY);
        }
    }

    /** The runtime's own handlers (Jersey's OPTIONS inflectors, say) are not the application's endpoints. */
    private static boolean isRuntimeInternal(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.glassfish.jersey.") || name.startsWith("org.jboss.resteasy.");
    }

    /** The roles that may call, null when anyone verified may; the method's annotations win over the class's. */
    private static Set<String> roles(Method method, Class<?> type) {
        for (AnnotatedElement element : new AnnotatedElement[] {method, type}) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return Set.of();
            }
            RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                return Set.of(allowed.value());
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return null;
            }
        }
        return null;
    }
}
