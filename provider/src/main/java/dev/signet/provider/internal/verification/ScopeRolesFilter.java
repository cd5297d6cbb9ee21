// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.provider.internal.errors.RefusalResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;

/**
 * {@code @RolesAllowed} on a signed endpoint, checked against the verified key's scopes by any JAX-RS
 * implementation (Jersey needs its own feature for it, RESTEasy a context parameter), answered in the
 * scheme's own error format.
 *
 * <p>Runs at {@link #PRIORITY}, just before {@link Priorities#AUTHORIZATION}: servers register role filters of
 * their own there (Payara's MicroProfile JWT {@code RolesAllowedRequestFilter} in every JAX-RS application,
 * RESTEasy's when switched on), and at equal priority theirs ran first on Payara and refused a key without
 * the role with the server's HTML error page instead of the scheme's answer. Theirs still run afterwards and
 * see the same caller.
 */
@Priority(ScopeRolesFilter.PRIORITY)
public final class ScopeRolesFilter implements ContainerRequestFilter {

    /** After authentication and Signet's Jakarta Security login, before the server's own role filters. */
    public static final int PRIORITY = Priorities.AUTHORIZATION - 1;

    private final SignatureScheme scheme;
    private final RefusalResponses responses;
    private final Set<String> anyOf;

    /** @param anyOf the roles of which the caller needs one; empty for {@code @DenyAll} */
    public ScopeRolesFilter(SignatureScheme scheme, RefusalResponses responses, Set<String> anyOf) {
        this.scheme = scheme;
        this.responses = responses;
        this.anyOf = Set.copyOf(anyOf);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        if (security != null && anyOf.stream().anyMatch(security::isUserInRole)) {
            return;
        }
        request.abortWith(responses.respond(scheme, Refusal.of(Failure.SCOPE_MISSING, "Missing role")));
    }
}
