// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.Secret;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.webhooks.WebhookScheme;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Signs as a webhook sender does, so a team can call its own webhook endpoint as Stripe, GitHub, Slack,
 * Shopify or a Standard Webhooks sender would: the sender's headers, a fresh delivery id and timestamp per
 * call, the MAC over the exact serialized bytes (streamed from the spooled body, so a large one never sits in
 * the heap). A sender that sends one signature per live secret during a rotation (Stripe, Standard Webhooks)
 * signs with every secret given; the others with the last. Thread-safe: nothing in it changes.
 */
final class WebhookSigner implements CallSigner {

    private final WebhookScheme scheme;
    private final List<Secret> secrets;
    private final Clock clock;
    private final Supplier<String> deliveryIds;

    WebhookSigner(WebhookScheme scheme, List<Secret> secrets, Clock clock, Supplier<String> deliveryIds) {
        this.scheme = scheme;
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
        this.deliveryIds = deliveryIds;
    }

    WebhookScheme scheme() {
        return scheme;
    }

    @Override
    public boolean coversBody() {
        return true;
    }

    @Override
    public void refuseSchemeHeaders(MultivaluedMap<String, Object> headers) {
        for (String present : headers.keySet()) {
            if (scheme.headerNames().stream().anyMatch(present::equalsIgnoreCase)) {
                throw new IllegalStateException("the request already has a header " + present + ", which the "
                        + scheme.name() + " webhook signature writes: remove it from the request");
            }
        }
    }

    @Override
    public void signWithoutBody(String method, String path, String query, MultivaluedMap<String, Object> headers)
            throws IOException {
        signInto(BodySource.of(new byte[0]), headers);
    }

    @Override
    public void signBody(String method, String path, String query, SpooledBody body, MultivaluedMap<String, Object> headers)
            throws IOException {
        signInto(body.source(), headers);
    }

    private void signInto(BodySource body, MultivaluedMap<String, Object> headers) throws IOException {
        // Checked again here: an inner writer interceptor may have added headers since the request filter ran.
        refuseSchemeHeaders(headers);
        String id = deliveryIds.get();
        SignedHeaders signed = scheme.sign(new WebhookScheme.Delivery(id, clock.instant()), secrets, body);
        for (Map.Entry<String, String> header : signed.headers().entrySet()) {
            headers.putSingle(header.getKey(), header.getValue());
        }
    }
}
