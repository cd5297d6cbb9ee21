// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ParsedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe, as its SDKs verify ({@code Webhook.Signature.verifyHeader} in stripe-java): one header
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]}; the signed payload is
 * {@code t + "." + body}; HMAC-SHA256 keyed with the endpoint's signing secret as text ({@code whsec_...}
 * used whole, not decoded); only {@code v1} signatures count, any one that matches passes (Stripe sends one
 * per live secret while a secret is rolled); tolerance 300 s ({@code DEFAULT_TOLERANCE}).
 *
 * <p>Replay unit: ({@code t}, the MAC the check computed under the key's newest secret), known once a
 * signature matched. The header's list of signatures is not itself signed, so a copy with one more, one
 * fewer or reordered {@code v1} must still be the same request: only the signed content names it. Stripe
 * re-signs every retry with a new {@code t}, so a retry is accepted and a copy is refused.
 */
public final class Stripe extends WebhookScheme {

    public static final String SIGNATURE = "Stripe-Signature";

    Stripe() {
        super("stripe", Duration.ofMinutes(5));
    }

    @Override
    public List<String> headerNames() {
        return List.of(SIGNATURE);
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public String documentedAt() {
        return "https://docs.stripe.com/webhooks#verify-manually";
    }

    @Override
    protected ParsedCredentials read(HeaderSource headers, String keyId) {
        WebhookHeaders.Header header = WebhookHeaders.read(headers, SIGNATURE, MAX_SIGNATURE_HEADER);
        if (header.problem() != null) {
            return header.absent() ? WebhookHeaders.firstProblem(header) : header.problem();
        }
        String timestamp = null;
        List<byte[]> v1 = new ArrayList<>();
        for (String item : header.value().split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null) {
                    return WebhookHeaders.malformed("More than one t in " + SIGNATURE);
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                SignatureEncoding.HEX.decode(value, MAC_LENGTH).ifPresent(v1::add); // a bad one can never match
            }
        }
        if (timestamp == null) {
            return WebhookHeaders.malformed("No timestamp (t) in " + SIGNATURE);
        }
        Optional<Instant> instant = WebhookHeaders.epochSeconds(timestamp);
        if (instant.isEmpty()) {
            return WebhookHeaders.malformed("Malformed timestamp (t) in " + SIGNATURE);
        }
        if (v1.isEmpty()) {
            return WebhookHeaders.malformed("No v1 signature in " + SIGNATURE);
        }
        if (v1.size() > MAX_SIGNATURES) {
            return WebhookHeaders.malformed("Too many signatures in " + SIGNATURE);
        }
        return new Credentials(keyId, timestamp, instant.get(), null, v1, null);
    }

    @Override
    protected byte[] prefix(Credentials c) {
        return ascii(c.timestampText() + ".");
    }

    @Override
    protected byte[] prefix(Delivery delivery) {
        return ascii(delivery.timestamp().getEpochSecond() + ".");
    }

    @Override
    public boolean replayUniqueFromSignature() {
        return true;
    }

    @Override
    public Optional<String> replayUnique(Credentials c) {
        return Optional.empty(); // known only once a signature matched: see replayUniqueFromSignature
    }

    @Override
    public String replayUnit() {
        return "(t, verified signature) pair";
    }

    @Override
    protected boolean signsWithEverySecret() {
        return true;
    }

    @Override
    protected Map<String, String> headers(Delivery delivery, List<byte[]> signatures) {
        StringBuilder value = new StringBuilder("t=").append(delivery.timestamp().getEpochSecond());
        for (byte[] signature : signatures) {
            value.append(",v1=").append(SignatureEncoding.HEX.encode(signature));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE, value.toString());
        return headers;
    }
}
