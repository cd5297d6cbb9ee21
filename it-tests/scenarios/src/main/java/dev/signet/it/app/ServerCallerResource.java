// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import dev.signet.provider.SignedRequired;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import dev.signet.provider.security.JakartaSecurityExtension;
import dev.signet.provider.security.JakartaSecurityLogin;
import java.security.Principal;

/**
 * The caller as the server's own security sees it, not JAX-RS: Jakarta Security's {@code SecurityContext}
 * and an EJB's security checks. Signet makes the verified key that caller where the server has Jakarta
 * Security.
 */
@Path("canonical/server-caller")
@Produces("application/json")
@RequestScoped
public class ServerCallerResource {

    @Inject
    SecurityContext security;

    @EJB
    LedgerAudit audit;

    @Inject
    JakartaSecurityExtension signet;

    @Context
    HttpServletRequest request;

    @GET
    @SignedRequired(scheme = "canonical", scopes = AppKeys.READ)
    public String caller() {
        Principal caller = security.getCallerPrincipal();
        JsonObjectBuilder answer = Json.createObjectBuilder()
            .add("inWriteRole", security.isCallerInRole(AppKeys.WRITE))
            .add("ejbCaller", audit.caller())
            .add("ejbWriteAllowed", ejbWriteAllowed())
            .add("signetMechanism", signet.callerRegistered())
            .add("signetLogin", String.valueOf(request.getAttribute(JakartaSecurityLogin.OUTCOME)));
        if (caller == null) {
            answer.addNull("caller");
        } else {
            answer.add("caller", caller.getName());
        }
        return answer.build().toString();
    }

    private boolean ejbWriteAllowed() {
        try {
            return audit.write();
        } catch (EJBAccessException refused) {
            return false;
        }
    }
}
