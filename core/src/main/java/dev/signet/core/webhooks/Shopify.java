// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ParsedCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shopify, as "Verify webhooks" documents it and shopify-api-js validates it: {@code X-Shopify-Hmac-Sha256}
 * carries the base64 HMAC-SHA256 of the raw body keyed with the app's client secret as text. Shopify sends
 * {@code X-Shopify-Triggered-At} but does not sign it, so no timestamp bounds a delivery's age
 * ({@link #untimed()}).
 *
 * <p>Replay unit: the signature, remembered for 24 hours (twice the window below), for the reason given on
 * {@link GitHub}: {@code X-Shopify-Webhook-Id} is not signed. Shopify retries a failed delivery with the same
 * body, so a retry of a delivery this server accepted is refused; one it refused is accepted.
 */
public final class Shopify extends BodyOnlySender {

    public static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    public static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";

    Shopify() {
        super("shopify", SIGNATURE, WEBHOOK_ID);
    }

    @Override
    public String documentedAt() {
        return "https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify";
    }

    @Override
    protected ParsedCredentials read(HeaderSource headers, String keyId) {
        WebhookHeaders.Header header = WebhookHeaders.read(headers, SIGNATURE, 128);
        if (header.problem() != null) {
            return header.absent() ? WebhookHeaders.firstProblem(header) : header.problem();
        }
        Optional<byte[]> mac = SignatureEncoding.BASE64.decode(header.value(), MAC_LENGTH);
        if (mac.isEmpty()) {
            return WebhookHeaders.malformed("Malformed " + SIGNATURE);
        }
        return new Credentials(keyId, null, null, null, List.of(mac.get()), null);
    }

    @Override
    protected Map<String, String> headers(Delivery delivery, List<byte[]> signatures) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WEBHOOK_ID, delivery.id());
        headers.put(SIGNATURE, SignatureEncoding.BASE64.encode(signatures.get(0)));
        return headers;
    }
}
