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
 * The timestamp-secret preset's endpoints: {@code GET|POST /timestamp-secret/echo} and {@code POST /timestamp-secret/scoped}.
 * Its document signs only the timestamp and the secret, so any method, path or body passes with a valid
 * signature, and one signature is a credential reused for five minutes: the echo shows what got through.
 */
@RequestScoped
@Path("/timestamp-secret")
@Produces("application/json")
public class TimestampSecretEndpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "timestamp-secret")
    public String get() {
        return reply(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "timestamp-secret")
    @Idempotent(required = false)
    public String post(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "timestamp-secret", scopes = DemoScopes.WRITE)
    public String scoped(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
