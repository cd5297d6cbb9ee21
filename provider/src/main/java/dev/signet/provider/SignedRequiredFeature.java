package dev.signet.provider;

import dev.signet.provider.caller.PeerAddressCapture;
import dev.signet.provider.verification.CapturedBodyCleanup;
import dev.signet.provider.verification.EndpointPolicy;
import dev.signet.provider.verification.ScopeRolesFilter;
import dev.signet.provider.verification.SignatureVerificationFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Binds signature verification to exactly the resource methods that ask for it with
 * {@link SignedRequired}, each with its own policy, and {@code @RolesAllowed} checks on those methods.
 * Found by the server's scan of the WAR; register {@link SignetFeature} where there is no scan.
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
        EndpointPolicy policy = EndpointPolicy.of(type, method);
        if (policy == null) {
            return;
        }
        context.register(PeerAddressCapture.class, Priorities.AUTHENTICATION - 100);
        context.register(new SignatureVerificationFilter(policy), Priorities.AUTHENTICATION);
        context.register(new CapturedBodyCleanup());
        Set<String> roles = roles(method, type);
        if (roles != null) {
            context.register(new ScopeRolesFilter(policy.scheme(), roles), Priorities.AUTHORIZATION);
        }
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
