// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.war;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.nio.charset.StandardCharsets;

/**
 * A payments-style API: reading needs {@code transfer:read}, creating needs {@code transfer:create}. The
 * scheme is the application's setting {@code signet.scheme} (META-INF/microprofile-config.properties):
 * canonical-nonce, which signs method, path, timestamp, nonce and the body's hash.
 */
@RequestScoped
@Path("transfers")
@Produces("application/json")
public class TransfersResource {

    @Inject
    VerifiedCaller caller;

    @GET
    @SignedRequired(scopes = "transfer:read")
    public String list() {
        return "{\"caller\":" + JsonString.quote(caller.keyId()) + ",\"transfers\":[]}";
    }

    /** The body read here is the very body whose hash was verified: Signet hands the resource the same bytes. */
    @POST
    @SignedRequired(scopes = "transfer:create")
    public String create(byte[] body) {
        return "{\"caller\":" + JsonString.quote(caller.keyId()) + ",\"accepted\":"
                + JsonString.quote(new String(body, StandardCharsets.UTF_8)) + "}";
    }

    @GET
    @Path("health")
    public String health() {
        return "{\"status\":\"UP\"}";
    }
}
