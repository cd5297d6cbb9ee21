// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

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
 * RFC 9421's endpoints: {@code GET|POST /rfc9421/echo} and {@code POST /rfc9421/scoped}.
 * Signed over @method, @target-uri and, with a body, content-digest (the server's default policy), by a
 * key of any algorithm of the RFC's registry; (key, nonce), or the signature, stops a replay.
 */
@RequestScoped
@Path("/rfc9421")
@Produces("application/json")
public class Rfc9421Endpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "rfc9421")
    public String get() {
        return reply(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "rfc9421")
    public String post(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "rfc9421", scopes = DemoScopes.WRITE)
    public String scoped(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
