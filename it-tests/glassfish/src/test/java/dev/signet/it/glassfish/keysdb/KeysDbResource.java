// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish.keysdb;

import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

@Path("/db")
@Produces("application/json")
public class KeysDbResource {

    @Inject
    VerifiedCaller caller;

    @GET
    @Path("hello")
    @SignedRequired(scheme = "canonical-nonce", scopes = "db:read")
    public String hello() {
        return "{\"caller\":\"" + caller.keyId() + "\"}";
    }
}
