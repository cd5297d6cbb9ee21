package dev.signet.benchmarks.crypto;

import dev.signet.core.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.verification.Credentials;
import dev.signet.core.verification.ParsedCredentials;
import dev.signet.core.verification.ReceivedRequest;
import dev.signet.core.verification.Refusal;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.replay.NonceStore;
import java.time.Duration;
import java.util.Optional;

/**
 * The steps of {@code SignatureVerificationFilter.verify} that cost CPU, in the filter's order, without
 * Jersey around them: read credentials, look the key up, key status, window, replay lookup, body hash,
 * signature, record the replay key. Tenant, allowlist, scope and rate limit are left out (not configured
 * in these runs, and cheap). Returns the key on success, the {@link Refusal} otherwise, so a benchmark
 * can prove it measured successful verifications.
 */
public final class VerificationPath {

    private final SignatureVerifier verifier;
    private final KeyRepository keys;
    private final NonceStore nonces; // null: core verification only
    private final Duration lifespan;

    public VerificationPath(SignatureVerifier verifier, KeyRepository keys, NonceStore nonces, Duration clockSkew) {
        this.verifier = verifier;
        this.keys = keys;
        this.nonces = nonces;
        // The filter's lifespan: a copy stays acceptable for two windows plus the skew.
        this.lifespan = verifier.scheme().window().multipliedBy(2).plus(clockSkew);
    }

    public Object verify(ReceivedRequest request, byte[] body) {
        ParsedCredentials parsed = verifier.readCredentials(request);
        if (parsed instanceof Refusal refusal) {
            return refusal;
        }
        Credentials credentials = (Credentials) parsed;
        Optional<ApiKey> found = keys.find(credentials.keyId());
        if (found.isEmpty()) {
            return "unknown key";
        }
        ApiKey key = found.get();
        Optional<Refusal> refusal = verifier.checkKeyStatus(key).or(() -> verifier.checkWindow(credentials));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> replayKey = nonces == null ? Optional.empty() : verifier.replayKey(credentials);
        if (replayKey.isPresent() && nonces.contains(replayKey.get())) {
            return "replayed";
        }
        // The server hashes the body while reading it (BodyReader); here it is already in memory.
        BodyHash hash = BodyHash.of(body);
        Optional<Refusal> mismatch = verifier.checkSignature(credentials, request, hash, key);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        if (replayKey.isPresent() && !nonces.putIfAbsent(replayKey.get(), lifespan)) {
            return "replayed";
        }
        return key;
    }
}
