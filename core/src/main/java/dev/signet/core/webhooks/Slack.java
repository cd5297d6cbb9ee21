// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ParsedCredentials;
import dev.signet.core.internal.verification.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack, as "Verifying requests from Slack" documents it and its SDKs verify it
 * ({@code SignatureVerifier} in python-slack-sdk, {@code SlackSignature} in java-slack-sdk): headers
 * {@code X-Slack-Request-Timestamp} (Unix seconds) and {@code X-Slack-Signature: v0=<hex>}; the signed base
 * string is {@code v0:<timestamp>:<body>}; HMAC-SHA256 keyed with the app's signing secret as text; a
 * timestamp more than five minutes from now either way is refused.
 *
 * <p>Replay unit: (timestamp, signature). Slack sends one signature, so it names the request.
 */
public final class Slack extends WebhookScheme {

    public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE = "X-Slack-Signature";
    private static final String VERSION = "v0";

    Slack() {
        super("slack", Duration.ofMinutes(5));
    }

    @Override
    public List<String> headerNames() {
        return List.of(TIMESTAMP, SIGNATURE);
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE;
    }

    @Override
    public String documentedAt() {
        return "https://api.slack.com/authentication/verifying-requests-from-slack";
    }

    @Override
    protected ParsedCredentials read(HeaderSource headers, String keyId) {
        WebhookHeaders.Header timestamp = WebhookHeaders.read(headers, TIMESTAMP, 64);
        WebhookHeaders.Header signature = WebhookHeaders.read(headers, SIGNATURE, 128);
        Refusal problem = WebhookHeaders.firstProblem(timestamp, signature);
        if (problem != null) {
            return problem;
        }
        Optional<Instant> instant = WebhookHeaders.epochSeconds(timestamp.value());
        if (instant.isEmpty()) {
            return WebhookHeaders.malformed("Malformed " + TIMESTAMP);
        }
        if (!signature.value().startsWith(VERSION + "=")) {
            return WebhookHeaders.malformed("No " + VERSION + " signature in " + SIGNATURE);
        }
        Optional<byte[]> mac = SignatureEncoding.HEX.decode(signature.value().substring(VERSION.length() + 1), MAC_LENGTH);
        if (mac.isEmpty()) {
            return WebhookHeaders.malformed("Malformed " + SIGNATURE);
        }
        return new Credentials(keyId, timestamp.value(), instant.get(), null, List.of(mac.get()), null);
    }

    @Override
    protected byte[] prefix(Credentials c) {
        return ascii(VERSION + ":" + c.timestampText() + ":");
    }

    @Override
    protected byte[] prefix(Delivery delivery) {
        return ascii(VERSION + ":" + delivery.timestamp().getEpochSecond() + ":");
    }

    @Override
    public Optional<String> replayUnique(Credentials c) {
        return Optional.of(c.timestampText() + '\n' + c.signatureHex());
    }

    @Override
    public String replayUnit() {
        return "(" + TIMESTAMP + ", " + SIGNATURE + ") pair";
    }

    @Override
    protected Map<String, String> headers(Delivery delivery, List<byte[]> signatures) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, Long.toString(delivery.timestamp().getEpochSecond()));
        headers.put(SIGNATURE, VERSION + "=" + SignatureEncoding.HEX.encode(signatures.get(0)));
        return headers;
    }
}
