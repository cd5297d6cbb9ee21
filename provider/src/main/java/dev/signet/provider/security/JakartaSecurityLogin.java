// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import dev.signet.provider.caller.VerifiedCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Right after Signet's verification filter, logs the verified key in to Jakarta Security through
 * {@link SignedCallerMechanism}. Registered only where {@link JakartaSecurityExtension} registered that
 * mechanism, and by class, so the runtime injects the servlet request and response.
 *
 * <p>Fails closed: if the server does not log the key in, the request goes on with Signet's JAX-RS caller
 * only, and every server-side role check ({@code @RolesAllowed} on EJBs, the server's own role filter)
 * refuses, as for any anonymous caller.
 */
@Priority(Priorities.AUTHENTICATION + 10)
public final class JakartaSecurityLogin implements ContainerRequestFilter {

    /** The request property (a servlet request attribute) that tells how the login went, for diagnostics. */
    public static final String OUTCOME = "dev.signet.jakartaSecurityLogin";

    private static final Logger LOG = Logger.getLogger(JakartaSecurityLogin.class.getName());

    @Context
    private HttpServletRequest servletRequest;
    @Context
    private HttpServletResponse servletResponse;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Beans beans;

    /** Looked up once, on the first request (the application's CDI), not on every request. */
    private record Beans(Instance<VerifiedCaller> callers, Instance<SecurityContext> security, boolean implemented) {
        static Beans lookUp() {
            Instance<SecurityContext> security = CDI.current().select(SecurityContext.class);
            return new Beans(CDI.current().select(VerifiedCaller.class), security, !security.isUnsatisfied());
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Beans found = beans;
        if (found == null) {
            found = Beans.lookUp();
            beans = found;
        }
        // The request-scoped caller the verification filter filled; a refused request never gets here.
        VerifiedCaller caller = found.callers().get();
        if (!caller.isVerified()) {
            return;
        }
        if (!found.implemented()) {
            // The API without an implementation (a servlet container with the jar, a test server): nothing to
            // log in to, and nothing on this server asks Jakarta Security for a caller either.
            request.setProperty(OUTCOME, "no Jakarta Security implementation");
            if (warned.compareAndSet(false, true)) {
                LOG.info("Signet: the Jakarta Security API is present but no implementation is; verified keys are"
                        + " the JAX-RS caller only. Logged once per endpoint.");
            }
            return;
        }
        AuthenticationStatus status;
        try {
            status = found.security().get().authenticate(servletRequest, servletResponse,
                    AuthenticationParameters.withParams().credential(new VerifiedKeyCredential(caller.keyId(), caller.scopes())));
        } catch (RuntimeException notLoggedIn) {
            request.setProperty(OUTCOME, "refused: " + notLoggedIn);
            warnOnce("the server refused the login: " + notLoggedIn);
            return;
        }
        request.setProperty(OUTCOME, status.name());
        if (status != AuthenticationStatus.SUCCESS) {
            warnOnce("the server answered " + status);
        }
    }

    private void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Signet: a verified key could not be made the Jakarta Security caller ({0}); "
                    + "server-side role checks will treat signed requests as anonymous. Logged once per endpoint.", why);
        }
    }
}
