// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import dev.signet.provider.SignedRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code @RolesAllowed} beside {@code @SignedRequired}: Signet's scope check lets any reader in, then the
 * portable {@code @RolesAllowed} wants the write role, which Signet checks against the verified key's scopes.
 */
@Path("canonical/roles")
@Produces("application/json")
public class RolesResource {

    @Context
    SecurityContext security;

    @GET
    @SignedRequired(scheme = "canonical", scopes = AppKeys.READ)
    @RolesAllowed(AppKeys.WRITE)
    public String roles() {
        return "{\"principal\":\"" + security.getUserPrincipal().getName() + "\",\"inWriteRole\":"
            + security.isUserInRole(AppKeys.WRITE) + "}";
    }
}
