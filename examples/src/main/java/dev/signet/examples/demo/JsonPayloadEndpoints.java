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
 * The json-payload preset's endpoints: {@code GET|POST /json-payload/echo} and {@code POST /json-payload/scoped}.
 * Its document signs the timestamp, request id and key id, not the method, path or body; the request id
 * stops a replay.
 */
@RequestScoped
@Path("/json-payload")
@Produces("application/json")
public class JsonPayloadEndpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "json-payload")
    public String get() {
        return reply(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "json-payload")
    @Idempotent(required = false)
    public String post(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "json-payload", scopes = DemoScopes.WRITE)
    public String scoped(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
