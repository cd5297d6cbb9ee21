// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ParsedCredentials;
import dev.signet.core.internal.verification.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Standard Webhooks (Svix and the senders on it), spec 1.0.0: headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, "a space delimited list of
 * signatures" each {@code v1,<base64>}; the signed content is {@code {msg_id}.{timestamp}.{payload}};
 * HMAC-SHA256 under the secret's key bytes: "base64 encoded, prefixed with whsec_" (the libraries accept it
 * without the prefix too). Its libraries allow five minutes either way and ignore signature versions other
 * than {@code v1} (the asymmetric {@code v1a} is not supported here: a header with no {@code v1} is refused).
 *
 * <p>Replay unit: the delivery attempt, ({@code webhook-id}, {@code webhook-timestamp}). Both are signed. The
 * spec keeps the id across retries ("it remains the same no matter how many times a webhook that has failed
 * is retried") and gives each attempt a new timestamp, so a retry after a failed attempt is accepted, and a
 * copy of an accepted attempt is refused. Deduplicating a redelivered event by its id is the application's
 * idempotency, as the spec recommends.
 */
public final class StandardWebhooks extends WebhookScheme {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";

    StandardWebhooks() {
        super("standard-webhooks", Duration.ofMinutes(5));
    }

    @Override
    public List<String> headerNames() {
        return List.of(ID, TIMESTAMP, SIGNATURE);
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public String documentedAt() {
        return "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md";
    }

    @Override
    protected ParsedCredentials read(HeaderSource headers, String keyId) {
        WebhookHeaders.Header id = WebhookHeaders.read(headers, ID, 256);
        WebhookHeaders.Header timestamp = WebhookHeaders.read(headers, TIMESTAMP, 64);
        WebhookHeaders.Header signature = WebhookHeaders.read(headers, SIGNATURE, MAX_SIGNATURE_HEADER);
        Refusal problem = WebhookHeaders.firstProblem(id, timestamp, signature);
        if (problem != null) {
            return problem;
        }
        if (!WebhookHeaders.isVisibleAscii(id.value())) {
            return WebhookHeaders.malformed("Malformed " + ID);
        }
        Optional<Instant> instant = WebhookHeaders.epochSeconds(timestamp.value());
        if (instant.isEmpty()) {
            return WebhookHeaders.malformed("Malformed " + TIMESTAMP);
        }
        List<byte[]> v1 = new ArrayList<>();
        for (String entry : signature.value().split(" ", -1)) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue; // another version (v1a), or not a signature: ignored, as the libraries do
            }
            SignatureEncoding.BASE64.decode(entry.substring(comma + 1), MAC_LENGTH).ifPresent(v1::add);
        }
        if (v1.isEmpty()) {
            return WebhookHeaders.malformed("No v1 signature in " + SIGNATURE);
        }
        if (v1.size() > MAX_SIGNATURES) {
            return WebhookHeaders.malformed("Too many signatures in " + SIGNATURE);
        }
        return new Credentials(keyId, timestamp.value(), instant.get(), id.value(), v1, null);
    }

    @Override
    protected byte[] prefix(Credentials c) {
        return ascii(c.nonce() + "." + c.timestampText() + ".");
    }

    @Override
    protected byte[] prefix(Delivery delivery) {
        return ascii(delivery.id() + "." + delivery.timestamp().getEpochSecond() + ".");
    }

    /**
     * {@code whsec_} then base64 of the key bytes; the libraries also take the base64 alone, and padding may
     * be left off. Anything else is not a Standard Webhooks secret.
     */
    @Override
    protected Optional<byte[]> keyBytes(Secret secret) {
        return decodeSecret(secret.reveal());
    }

    static Optional<byte[]> decodeSecret(String text) {
        String base64 = text.startsWith(SECRET_PREFIX) ? text.substring(SECRET_PREFIX.length()) : text;
        if (base64.length() % 4 != 0) {
            base64 = base64 + "=".repeat(4 - base64.length() % 4);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> replayUnique(Credentials c) {
        return Optional.of(c.nonce() + '\n' + c.timestampText());
    }

    @Override
    public String replayUnit() {
        return "(" + ID + ", " + TIMESTAMP + ") pair";
    }

    @Override
    protected boolean signsWithEverySecret() {
        return true;
    }

    @Override
    protected Map<String, String> headers(Delivery delivery, List<byte[]> signatures) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, delivery.id());
        headers.put(TIMESTAMP, Long.toString(delivery.timestamp().getEpochSecond()));
        headers.put(SIGNATURE, signatures.stream().map(s -> "v1," + SignatureEncoding.BASE64.encode(s))
                .collect(Collectors.joining(" ")));
        return headers;
    }
}
