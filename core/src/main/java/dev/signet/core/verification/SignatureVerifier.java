package dev.signet.core.verification;

import dev.signet.core.crypto.BodyHash;
import dev.signet.core.crypto.HmacSha256;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.ComponentValues;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies received requests under one scheme. The server pipeline interleaves its own steps (key lookup,
 * tenant, replay, allowlist, scope, rate limit) between these, so each step is a method of its own;
 * {@link #verify} chains the ones that need nothing but the scheme, the key and the clock.
 * Immutable and thread-safe.
 */
public final class SignatureVerifier {

    /** Longest header value read at all: bounds the work an attacker can ask for. */
    static final int MAX_HEADER_LENGTH = 256;

    private final Scheme scheme;
    private final Clock clock;

    public SignatureVerifier(Scheme scheme, Clock clock) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Steps 1, 2, 3, 5 and 7 in order: what a verifier without a replay store or policy can decide. */
    public Verification verify(ReceivedRequest request, BodyHash bodyHash, Function<String, Optional<ApiKey>> keys) {
        ParsedCredentials parsed = readCredentials(request);
        if (parsed instanceof Refusal refusal) {
            return refusal;
        }
        Credentials credentials = (Credentials) parsed;
        Optional<ApiKey> found = keys.apply(credentials.keyId());
        if (found.isEmpty()) {
            return Refusal.of(Failure.UNKNOWN_KEY, "Unknown API key");
        }
        ApiKey key = found.get();
        Optional<Refusal> refusal = checkKeyStatus(key)
                .or(() -> checkWindow(credentials))
                .or(() -> checkSignature(credentials, request, bodyHash, key));
        return refusal.<Verification>map(r -> r).orElseGet(() -> new Verified(credentials, key));
    }

    /** Step 1: every header present once, short enough, and well formed for this scheme. */
    public ParsedCredentials readCredentials(ReceivedRequest request) {
        SchemeHeaders names = scheme.headers();
        String keyId = single(request, names.keyId());
        String timestamp = single(request, names.timestamp());
        String signature = single(request, names.signature());
        String nonce = names.hasNonce() ? single(request, names.nonce()) : "";
        if (keyId == null && timestamp == null && signature == null && (nonce == null || !names.hasNonce())) {
            return Refusal.of(Failure.MISSING_CREDENTIALS, "No signature headers");
        }
        for (String[] header : new String[][] {
                {names.keyId(), keyId}, {names.timestamp(), timestamp}, {names.signature(), signature}, {names.nonce(), nonce}}) {
            if (header[1] == null) {
                return Refusal.of(Failure.MISSING_CREDENTIALS, "Missing header " + header[0]);
            }
            if (header[1] == AMBIGUOUS) {
                return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + header[0] + " must appear once");
            }
            if (header[1] == OVERSIZED) {
                return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + header[0] + " is too long");
            }
        }
        if (!isVisibleAscii(keyId)) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.keyId());
        }
        Optional<Instant> instant = scheme.timestampFormat().parse(timestamp);
        if (instant.isEmpty()) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.timestamp());
        }
        if (names.hasNonce() && !scheme.nonceFormat().accepts(nonce)) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.nonce());
        }
        Optional<byte[]> mac = scheme.encoding().decode(signature, HmacSha256.LENGTH);
        if (mac.isEmpty()) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.signature());
        }
        return new Credentials(keyId, timestamp, instant.get(), names.hasNonce() ? nonce : null, mac.get());
    }

    /** Step 3: the key is active and not expired. */
    public Optional<Refusal> checkKeyStatus(ApiKey key) {
        if (key.status() == KeyStatus.DISABLED) {
            return Optional.of(Refusal.of(Failure.KEY_DISABLED, "API key disabled"));
        }
        if (key.status() == KeyStatus.REVOKED) {
            return Optional.of(Refusal.of(Failure.KEY_REVOKED, "API key revoked"));
        }
        if (key.isExpiredAt(clock.instant())) {
            return Optional.of(Refusal.of(Failure.KEY_EXPIRED, "API key expired"));
        }
        return Optional.empty();
    }

    /** Step 5: the timestamp is within the window, in either direction. */
    public Optional<Refusal> checkWindow(Credentials credentials) {
        Duration drift = Duration.between(credentials.timestamp(), clock.instant()).abs();
        if (drift.compareTo(scheme.window()) > 0) {
            return Optional.of(Refusal.of(Failure.TIMESTAMP_OUT_OF_WINDOW, "Timestamp out of range"));
        }
        return Optional.empty();
    }

    /** Step 7: the MAC matches one of the key's currently valid secrets, compared in constant time. */
    public Optional<Refusal> checkSignature(Credentials credentials, ReceivedRequest request, BodyHash bodyHash, ApiKey key) {
        byte[] received = credentials.signature();
        for (Secret secret : key.secretsValidAt(clock.instant())) {
            String signed = scheme.recipe().render(values(credentials, request, bodyHash, secret));
            if (HmacSha256.constantTimeEquals(HmacSha256.mac(secret.keyBytes(), signed), received)) {
                return Optional.empty();
            }
        }
        return Optional.of(Refusal.of(Failure.SIGNATURE_MISMATCH, "Signature mismatch"));
    }

    /**
     * What makes this request unique under the scheme, scoped to the scheme and key, or empty when the
     * scheme has no replay protection.
     */
    public Optional<String> replayKey(Credentials c) {
        return switch (scheme.replayKey()) {
            case NONE -> Optional.empty();
            case NONCE -> Optional.of(scheme.name() + '\n' + c.keyId() + '\n' + c.nonce());
            case KEY_TIMESTAMP_SIGNATURE ->
                    Optional.of(scheme.name() + '\n' + c.keyId() + '\n' + c.timestampText() + '\n' + c.signatureHex());
        };
    }

    /** The string the server signs for this request, secret redacted: for an opt-in diagnostics answer. */
    public String signedStringRedacted(Credentials credentials, ReceivedRequest request, BodyHash bodyHash) {
        return scheme.recipe().renderRedacted(values(credentials, request, bodyHash, null));
    }

    private static ComponentValues values(Credentials c, ReceivedRequest r, BodyHash bodyHash, Secret secret) {
        return new ComponentValues(r.method(), r.path(), c.timestampText(), c.nonce(), bodyHash.hex(), c.keyId(), secret);
    }

    // Sentinels compared by identity: a header seen twice, or longer than we read.
    private static final String AMBIGUOUS = new String("ambiguous");
    private static final String OVERSIZED = new String("oversized");

    private static String single(ReceivedRequest request, String name) {
        List<String> values = request.headers().values(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            return AMBIGUOUS;
        }
        String value = values.get(0) == null ? "" : values.get(0).trim();
        if (value.isEmpty()) {
            return null;
        }
        return value.length() > MAX_HEADER_LENGTH ? OVERSIZED : value;
    }

    private static boolean isVisibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
