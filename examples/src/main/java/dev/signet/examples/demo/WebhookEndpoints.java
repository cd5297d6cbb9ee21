// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.provider.Idempotent;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

/**
 * A webhook receiver per sender: {@code POST /{preset}/echo} for {@code standard-webhooks}, {@code stripe},
 * {@code github}, {@code slack} and {@code shopify}. A webhook names no key, so each endpoint names the key
 * that verifies it: the one whose id is the preset's name (in a key file:
 * {@code {"id":"stripe","secret":"whsec_..."}}). No scope: a sender's key has none. Each answers as the other
 * presets' echoes do.
 */
@RequestScoped
@Path("/")
@Produces("application/json")
public class WebhookEndpoints {

    @Inject
    VerifiedCaller caller;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @POST
    @Path("standard-webhooks/echo")
    @Idempotent(required = false)
    @SignedRequired(scheme = "standard-webhooks", key = "standard-webhooks")
    public String standardWebhooks(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("stripe/echo")
    @Idempotent(required = false)
    @SignedRequired(scheme = "stripe", key = "stripe")
    public String stripe(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("github/echo")
    @Idempotent(required = false)
    @SignedRequired(scheme = "github", key = "github")
    public String github(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("slack/echo")
    @Idempotent(required = false)
    @SignedRequired(scheme = "slack", key = "slack")
    public String slack(byte[] body) {
        return reply(body);
    }

    @POST
    @Path("shopify/echo")
    @Idempotent(required = false)
    @SignedRequired(scheme = "shopify", key = "shopify")
    public String shopify(byte[] body) {
        return reply(body);
    }

    private String reply(byte[] body) {
        return EchoReply.json(caller.keyId(), request.getMethod(), uri.getRequestUri().getRawPath(), body);
    }
}
