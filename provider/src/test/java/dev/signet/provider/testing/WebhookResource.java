// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * A receiver for each webhook sender at {@code /hooks/{preset}}, verified with the key the endpoint names
 * ({@code {preset}-hooks}), with no scope, as webhook endpoints are. Each answers who verified and a digest
 * of the bytes it read, streamed, so a test can compare them with what was signed without the resource ever
 * holding a large body.
 */
@RequestScoped
@Path("/hooks")
@Produces("application/json")
public class WebhookResource {

    public static final String STANDARD_WEBHOOKS_KEY = "standard-webhooks-hooks";
    public static final String STRIPE_KEY = "stripe-hooks";
    public static final String GITHUB_KEY = "github-hooks";
    public static final String SLACK_KEY = "slack-hooks";
    public static final String SHOPIFY_KEY = "shopify-hooks";

    @Inject
    VerifiedCaller caller;

    @Context
    SecurityContext security;

    @POST
    @Path("standard-webhooks")
    @SignedRequired(scheme = "standard-webhooks", key = STANDARD_WEBHOOKS_KEY)
    public String standardWebhooks(InputStream body) throws IOException {
        return describe(body);
    }

    @POST
    @Path("stripe")
    @SignedRequired(scheme = "stripe", key = STRIPE_KEY)
    public String stripe(InputStream body) throws IOException {
        return describe(body);
    }

    @POST
    @Path("github")
    @SignedRequired(scheme = "github", key = GITHUB_KEY)
    public String github(InputStream body) throws IOException {
        return describe(body);
    }

    @POST
    @Path("slack")
    @SignedRequired(scheme = "slack", key = SLACK_KEY)
    public String slack(InputStream body) throws IOException {
        return describe(body);
    }

    @POST
    @Path("shopify")
    @SignedRequired(scheme = "shopify", key = SHOPIFY_KEY)
    public String shopify(InputStream body) throws IOException {
        return describe(body);
    }

    /** Verifies, then fails as a resource with a passing database outage would: the sender retries. */
    @POST
    @Path("stripe/failing")
    @SignedRequired(scheme = "stripe", key = STRIPE_KEY)
    public String stripeFailing(InputStream body) throws IOException {
        body.readAllBytes();
        throw new WebApplicationException("not now", 503);
    }

    private String describe(InputStream body) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        int n;
        while ((n = body.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
            length += n;
        }
        return "{\"keyId\":" + JsonString.quote(caller.keyId())
                + ",\"principal\":" + JsonString.quote(security.getUserPrincipal().getName())
                + ",\"scopes\":" + JsonString.quote(String.join(",", new TreeSet<>(caller.scopes())))
                + ",\"bodySha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\",\"bodyLength\":" + length + "}";
    }
}
