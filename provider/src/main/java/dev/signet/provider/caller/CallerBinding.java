// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.caller;

import dev.signet.core.keys.ApiKey;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** Makes a verified key the request's caller: the security context and the request-scoped bean. */
public final class CallerBinding {

    private CallerBinding() {
    }

    public static void bind(ContainerRequestContext request, VerifiedCaller caller, ApiKey key, String scheme) {
        caller.verified(key.id(), key.tenant(), key.scopes(), scheme);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new KeySecurityContext(key.id(), key.scopes(), secure, scheme));
    }

    /** Principal = key id, roles = the key's scopes, so {@code @RolesAllowed("scope")} works as well. */
    private record KeySecurityContext(String keyId, Set<String> scopes, boolean secure, String scheme)
            implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return new KeyPrincipal(keyId);
        }

        @Override
        public boolean isUserInRole(String role) {
            return scopes.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Signet " + scheme;
        }
    }

    private record KeyPrincipal(String getName) implements Principal {
    }
}
