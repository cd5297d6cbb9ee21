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
 * GitHub, as "Validating webhook deliveries" documents it and @octokit/webhooks-methods verifies it:
 * {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body keyed with the webhook's
 * secret as text. No timestamp is sent, so nothing bounds a delivery's age ({@link #untimed()}).
 *
 * <p>Replay unit: the signature, remembered for 24 hours (twice the window below). GitHub's docs suggest
 * the {@code X-GitHub-Delivery} header against replays, but it is not signed: a captured delivery sent again
 * with a new id would pass a check keyed on it. The signature is signed content: the same body gives the
 * same signature, whatever headers come with it. So a copy (or a redelivery of an accepted delivery, which
 * keeps its id and body) is refused for 24 hours; after that a captured delivery verifies again, which only
 * a timestamp could prevent and GitHub sends none.
 */
public final class GitHub extends BodyOnlySender {

    public static final String SIGNATURE = "X-Hub-Signature-256";
    public static final String DELIVERY = "X-GitHub-Delivery";
    private static final String PREFIX = "sha256=";

    GitHub() {
        super("github", SIGNATURE, DELIVERY);
    }

    @Override
    public String documentedAt() {
        return "https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries";
    }

    @Override
    protected ParsedCredentials read(HeaderSource headers, String keyId) {
        WebhookHeaders.Header header = WebhookHeaders.read(headers, SIGNATURE, 128);
        if (header.problem() != null) {
            return header.absent() ? WebhookHeaders.firstProblem(header) : header.problem();
        }
        if (!header.value().startsWith(PREFIX)) {
            return WebhookHeaders.malformed("Malformed " + SIGNATURE + ": it starts with " + PREFIX);
        }
        Optional<byte[]> mac = SignatureEncoding.HEX.decode(header.value().substring(PREFIX.length()), MAC_LENGTH);
        if (mac.isEmpty()) {
            return WebhookHeaders.malformed("Malformed " + SIGNATURE);
        }
        return new Credentials(keyId, null, null, null, List.of(mac.get()), null);
    }

    @Override
    protected Map<String, String> headers(Delivery delivery, List<byte[]> signatures) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DELIVERY, delivery.id());
        headers.put(SIGNATURE, PREFIX + SignatureEncoding.HEX.encode(signatures.get(0)));
        return headers;
    }
}
