// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.internal.crypto.HmacSha256;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.ErrorFormat;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ParsedCredentials;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * A webhook sender's signature, as its documentation and official SDK define it. What the senders share is
 * here: the request names no key (the endpoint does: {@code @SignedRequired(scheme = "stripe", key =
 * "stripe-live")}), the signed content is a short prefix (the sender's timestamp, message id) followed by
 * the raw body, and the MAC streams over the body as it is read: one HMAC-SHA256 per secret of the key that
 * is valid now (two during a rotation), each fed the same bytes once, so memory does not grow with the body.
 * Every received signature is compared with every computed MAC in constant time, without an early exit; any
 * one that matches passes. Refusals are RFC 9457 problems. A sender that sends a timestamp has its window
 * applied both ways, as its SDK does (Stripe's SDK bounds only the past; Signet also bounds the future by the
 * same tolerance).
 *
 * <p>What differs per sender (headers, prefix, encoding, how the secret becomes key bytes, the replay unit)
 * is each subclass's. A subclass can also sign, so the client filter and {@code signet sign} can send what
 * the sender would.
 */
public abstract class WebhookScheme implements SignatureScheme {

    /** Longest signature header read: room for a rotation's several signatures, bounded work for an attacker. */
    static final int MAX_SIGNATURE_HEADER = 4096;
    /** At most this many signatures of the sender's version are compared; more is not a sender's header. */
    static final int MAX_SIGNATURES = 16;
    static final int MAC_LENGTH = 32;

    private static final System.Logger LOG = System.getLogger(WebhookScheme.class.getName());

    private final String name;
    private final Duration window;

    protected WebhookScheme(String name, Duration window) {
        this.name = Objects.requireNonNull(name, "name");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ErrorFormat errorFormat() {
        return ErrorFormat.PROBLEM;
    }

    /**
     * The sender's tolerance for its timestamp. For a sender that sends none ({@link #untimed()}), how long a
     * signature stays remembered: the replay cache keeps it for twice this plus the clock skew.
     */
    @Override
    public final Duration window() {
        return window;
    }

    @Override
    public final boolean windowBothWays() {
        return true;
    }

    @Override
    public final boolean keyNamedByEndpoint() {
        return true;
    }

    /** Every header this sender writes when it signs, for clients that must not send them twice. */
    public abstract List<String> headerNames();

    /** The header that carries the signature(s), as the sender spells it. */
    public abstract String signatureHeader();

    /** Where the sender's documentation and SDK are, for error messages and the README. */
    public abstract String documentedAt();

    @Override
    public final ParsedCredentials readCredentials(ReceivedRequest request, Optional<String> endpointKey) {
        if (endpointKey.isEmpty() || endpointKey.get().isBlank()) {
            // The provider fails a deployment that names no key; tools that do not know the endpoint get this.
            return Refusal.of(Failure.MISSING_CREDENTIALS, "No key: the endpoint names none");
        }
        return read(request.headers(), endpointKey.get());
    }

    /** Step 1 for this sender: its headers present, once, and well formed; never throws. */
    protected abstract ParsedCredentials read(HeaderSource headers, String keyId);

    /** The bytes MACed before the body, from what step 1 read (the delivery's timestamp, its id). */
    protected abstract byte[] prefix(Credentials credentials);

    /** The HMAC key a secret stands for; empty when the secret cannot be one under this sender. */
    protected Optional<byte[]> keyBytes(Secret secret) {
        return Optional.of(secret.keyBytes());
    }

    @Override
    public SignatureCheck checkSignature(Credentials c, ReceivedRequest request, BodySource body, ApiKey key, Instant now)
            throws IOException {
        byte[] prefix = prefix(c);
        List<Mac> macs = new ArrayList<>();
        for (Secret secret : key.secretsValidAt(now)) {
            Optional<byte[]> bytes = keyBytes(secret);
            if (bytes.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Signet: a secret of key {0} is not a {1} secret; it cannot verify",
                        key.id(), name);
                continue;
            }
            Mac mac = mac(bytes.get());
            mac.update(prefix);
            macs.add(mac);
        }
        long[] length = {0};
        boolean complete = body.read((bytes, offset, count) -> {
            for (Mac mac : macs) {
                mac.update(bytes, offset, count);
            }
            length[0] += count;
        });
        if (!complete) {
            return SignatureCheck.of(SignatureCheck.Outcome.BODY_TOO_LARGE, null);
        }
        List<byte[]> received = c.signatures();
        boolean matched = false;
        byte[] newest = null;
        for (Mac mac : macs) {
            byte[] computed = mac.doFinal();
            for (byte[] signature : received) {
                // No early exit: the work is the same wherever a match is, or whether there is one.
                matched |= MessageDigest.isEqual(computed, signature);
            }
            newest = computed; // secrets are listed oldest first
        }
        if (!matched) {
            return SignatureCheck.of(SignatureCheck.Outcome.MISMATCH, redacted(prefix, length[0]));
        }
        // The signed content is authentic; its MAC under the newest secret names it, whichever signature of the
        // header matched: a copy that drops, adds or reorders signatures names the same request.
        return replayUniqueFromSignature()
                ? SignatureCheck.match(c.timestampText() + '\n' + HexFormat.of().formatHex(newest))
                : SignatureCheck.of(SignatureCheck.Outcome.MATCH, null);
    }

    /** What was MACed, for diagnostics: the prefix as text, and the body by its length only. */
    private static String redacted(byte[] prefix, long bodyLength) {
        return new String(prefix, StandardCharsets.UTF_8) + "<the " + bodyLength + " raw body bytes>";
    }

    // ---- signing, as the sender does: for clients testing their own endpoints ----

    /**
     * The headers the sender would send for {@code body}, for {@code delivery} (its timestamp, and its message
     * id for senders that send one), signed with each of {@code secrets} where the sender
     * sends several signatures during a rotation, else with the last (newest) one.
     */
    public SignedHeaders sign(Delivery delivery, List<Secret> secrets, BodySource body) throws IOException {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        List<Secret> signing = signsWithEverySecret() ? secrets : List.of(secrets.get(secrets.size() - 1));
        byte[] prefix = prefix(delivery);
        List<Mac> macs = new ArrayList<>();
        for (Secret secret : signing) {
            Mac mac = mac(keyBytes(secret).orElseThrow(() -> new IllegalArgumentException(
                    "the secret is not a " + name + " secret (see " + documentedAt() + ")")));
            mac.update(prefix);
            macs.add(mac);
        }
        if (!body.read((bytes, offset, count) -> macs.forEach(m -> m.update(bytes, offset, count)))) {
            throw new IOException("the body could not be read whole");
        }
        List<byte[]> signatures = macs.stream().map(Mac::doFinal).toList();
        return new SignedHeaders(headers(delivery, signatures));
    }

    /** What {@link #sign} MACs for {@code delivery}, for tools: the prefix as text, then the body by its length only. */
    public String signedContentRedacted(Delivery delivery, long bodyLength) {
        return redacted(prefix(delivery), bodyLength);
    }

    /** Whether the sender sends one signature per live secret (rotation) rather than one. */
    protected boolean signsWithEverySecret() {
        return false;
    }

    /** The prefix for a delivery about to be signed; the same bytes {@link #prefix(Credentials)} reads back. */
    protected abstract byte[] prefix(Delivery delivery);

    /** The headers carrying {@code signatures} (one per secret) for {@code delivery}, in the sender's order. */
    protected abstract java.util.Map<String, String> headers(Delivery delivery, List<byte[]> signatures);

    /**
     * One delivery as a sender makes it: when it is sent, and its id (Standard Webhooks' {@code webhook-id},
     * GitHub's {@code X-GitHub-Delivery}, Shopify's {@code X-Shopify-Webhook-Id}).
     */
    public record Delivery(String id, Instant timestamp) {

        public Delivery {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(timestamp, "timestamp");
            if (!WebhookHeaders.isVisibleAscii(id)) {
                throw new IllegalArgumentException("a delivery id is 1 to 256 visible ASCII characters");
            }
        }
    }

    static Mac mac(byte[] key) {
        return HmacSha256.keyed(key);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "WebhookScheme[" + name + "]";
    }
}
