// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.provider.Idempotent;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

/**
 * The canonical preset's endpoints: {@code GET|POST /canonical/echo} and {@code POST /canonical/scoped}.
 * Its document signs the timestamp, method, path and body hash; the (key, timestamp, signature) tuple
 * stops a replay.
 */
@RequestScoped
@Path("/canonical")
@Produces("application/json")
public class CanonicalEndpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "canonical")
    public String get() {
        return reply(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "canonical")
    @Idempotent(required = false)
    public String post(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "canonical", scopes = DemoScopes.WRITE)
    public String scoped(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
