package dev.signet.provider.verification;

import dev.signet.core.verification.Failure;
import dev.signet.core.verification.Refusal;
import dev.signet.provider.SignetRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;

/**
 * {@code @RolesAllowed} on a signed endpoint, checked against the verified key's scopes by any JAX-RS
 * implementation (Jersey needs its own feature for it, RESTEasy a context parameter), answered in the
 * scheme's own error format.
 */
@Priority(Priorities.AUTHORIZATION)
public final class ScopeRolesFilter implements ContainerRequestFilter {

    private final String scheme;
    private final Set<String> anyOf;

    /** @param anyOf the roles of which the caller needs one; empty for {@code @DenyAll} */
    public ScopeRolesFilter(String scheme, Set<String> anyOf) {
        this.scheme = scheme;
        this.anyOf = Set.copyOf(anyOf);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        if (security != null && anyOf.stream().anyMatch(security::isUserInRole)) {
            return;
        }
        SignetRuntime rt = CDI.current().select(SignetRuntime.class).get();
        String name = rt.schemes().verifier(scheme).map(v -> v.scheme().name()).orElse(scheme);
        request.abortWith(rt.responses().respond(name, Refusal.of(Failure.SCOPE_MISSING, "Missing role"), null, 0));
    }
}
