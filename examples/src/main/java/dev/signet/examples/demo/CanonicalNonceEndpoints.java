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
 * The canonical-nonce preset's endpoints: {@code GET|POST /canonical-nonce/echo} and {@code POST /canonical-nonce/scoped}.
 * Its document signs method, path, timestamp, nonce and body hash, and refuses an endpoint that declares
 * no scope (deny by default), so even the echo asks for {@code demo:read}.
 */
@RequestScoped
@Path("/canonical-nonce")
@Produces("application/json")
public class CanonicalNonceEndpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "canonical-nonce", scopes = DemoScopes.READ)
    public String get() {
        return reply(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "canonical-nonce", scopes = DemoScopes.READ)
    @Idempotent(required = false)
    public String post(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "canonical-nonce", scopes = DemoScopes.WRITE)
    public String scoped(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
