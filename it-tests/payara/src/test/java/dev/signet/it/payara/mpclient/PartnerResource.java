// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The partner's signed API, verified by Signet's provider in the same server. */
@Path("/partner")
@Produces("application/json")
public class PartnerResource {

    @Inject
    VerifiedCaller caller;

    @GET
    @Path("hello")
    @SignedRequired(scheme = "canonical-nonce", scopes = "partner:read")
    public String hello() {
        return "{\"greeting\":\"hello\",\"caller\":\"" + caller.keyId() + "\"}";
    }

    @POST
    @Path("orders")
    @Consumes("application/json")
    @SignedRequired(scheme = "canonical-nonce", scopes = "partner:write")
    public String order(String body) {
        return "{\"received\":" + body + ",\"caller\":\"" + caller.keyId() + "\"}";
    }
}
