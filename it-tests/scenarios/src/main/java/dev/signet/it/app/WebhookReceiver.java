// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One receiver per webhook sender at {@code hooks/<sender>}: no key id comes with a webhook, so each
 * endpoint names its key ({@code <sender>-hooks}). Answers the verified key and a digest of the bytes read.
 */
@Path("hooks")
@Produces("application/json")
@RequestScoped
public class WebhookReceiver {

    static final String STANDARD_WEBHOOKS = "standard-webhooks";
    static final String STRIPE = "stripe";
    static final String GITHUB = "github";
    static final String SLACK = "slack";
    static final String SHOPIFY = "shopify";

    @Inject
    VerifiedCaller caller;

    @POST
    @Path(STANDARD_WEBHOOKS)
    @SignedRequired(scheme = STANDARD_WEBHOOKS, key = STANDARD_WEBHOOKS + "-hooks")
    public String standardWebhooks(InputStream body) throws IOException {
        return received(body);
    }

    @POST
    @Path(STRIPE)
    @SignedRequired(scheme = STRIPE, key = STRIPE + "-hooks")
    public String stripe(InputStream body) throws IOException {
        return received(body);
    }

    @POST
    @Path(GITHUB)
    @SignedRequired(scheme = GITHUB, key = GITHUB + "-hooks")
    public String github(InputStream body) throws IOException {
        return received(body);
    }

    @POST
    @Path(SLACK)
    @SignedRequired(scheme = SLACK, key = SLACK + "-hooks")
    public String slack(InputStream body) throws IOException {
        return received(body);
    }

    @POST
    @Path(SHOPIFY)
    @SignedRequired(scheme = SHOPIFY, key = SHOPIFY + "-hooks")
    public String shopify(InputStream body) throws IOException {
        return received(body);
    }

    private String received(InputStream body) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = body.read(buffer)) != -1; ) {
                sha256.update(buffer, 0, n);
            }
            return "{\"keyId\":\"" + caller.keyId() + "\",\"scheme\":\"" + caller.scheme() + "\",\"bodySha256\":\""
                + HexFormat.of().formatHex(sha256.digest()) + "\"}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
