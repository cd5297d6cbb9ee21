// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes a verified key the Jakarta Security caller: principal = key id, groups = the key's scopes. It
 * verifies nothing itself and trusts no header. The container asks it about every request and it answers
 * "not mine" ({@code doNothing}); only when {@link JakartaSecurityLogin} asks, after Signet's filter has
 * verified the signature, does it log the key in. So {@code @RolesAllowed} checked by the server (its
 * MicroProfile JWT role filter on GlassFish and Payara, EJB and CDI security) sees the same caller as
 * JAX-RS's {@code SecurityContext}.
 *
 * <p>Registered by {@link JakartaSecurityExtension}, not discovered: not a final class, for the CDI proxy.
 */
public class SignedCallerMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters() != null
                && context.getAuthParameters().getCredential() instanceof VerifiedKeyCredential verified) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(verified.keyId()), verified.scopes());
        }
        return context.doNothing();
    }
}
