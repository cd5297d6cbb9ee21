// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.ErrorFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a signature scheme tells the {@link VerificationPipeline}: how to read its credentials (step 1), its
 * time window (step 5), what makes a request unique (step 6) and how to check a signature (step 7). The
 * order of the steps, and every policy around them, stay the pipeline's: a new scheme (RFC 9421, a webhook
 * sender) is one more implementation of this interface, never a second pipeline.
 */
public interface SignatureScheme {

    String name();

    /** How a refusal under this scheme is written. */
    ErrorFormat errorFormat();

    /** Seed 004's deny-by-default: an endpoint that names no scope is not reachable under this scheme. */
    default boolean requiresEndpointScope() {
        return false;
    }

    /** How far back a timestamp may be. */
    Duration window();

    /**
     * Whether the window also bounds timestamps from the future; otherwise the pipeline allows only its
     * clock skew ahead.
     */
    default boolean windowBothWays() {
        return false;
    }

    /**
     * Whether requests carry no timestamp at all (some webhook senders): then step 5 has nothing to check and
     * replay protection rests on {@link #replayUnique} alone. A scheme that reads a timestamp says false.
     */
    default boolean untimed() {
        return false;
    }

    /**
     * Step 5, after the window: whether the credentials themselves say they no longer hold at {@code now}
     * (RFC 9421's {@code expires}). Most schemes carry no such bound.
     */
    default boolean expired(Credentials credentials, Instant now) {
        return false;
    }

    /**
     * Headers a 401 under this scheme carries besides {@code WWW-Authenticate}, telling the caller what a
     * signature must hold for this request (RFC 9421's {@code Accept-Signature}). None by default.
     */
    default Map<String, String> challengeHeaders(ReceivedRequest request) {
        return Map.of();
    }

    /**
     * Step 1: the credentials, or the refusal they earn. Never throws for any input.
     *
     * @param endpointKey the key id the endpoint names, for schemes whose requests name none (webhooks)
     */
    ParsedCredentials readCredentials(ReceivedRequest request, Optional<String> endpointKey);

    /** What makes this request unique beyond scheme and key, or empty when the scheme keeps no replay cache. */
    Optional<String> replayUnique(Credentials credentials);

    /** The unit the replay cache accepts once, in words, for tools: "X-Nonce value". */
    default String replayUnit() {
        return "signature";
    }

    /**
     * Whether what makes a request unique is known only once its signature verified, and is then given by
     * {@link SignatureCheck#replayUnique()} instead of {@link #replayUnique}: a sender whose header may
     * carry several signatures (key rotation) lets anyone add or drop one, so only the signed content, as
     * the check computed it, names the request whatever the header's list. Step 6 then has nothing to look
     * up; step 8's put-if-absent refuses the replay.
     */
    default boolean replayUniqueFromSignature() {
        return false;
    }

    /**
     * Whether the endpoint names the key (webhooks: the sender sends no key id, the endpoint's
     * {@code @SignedRequired(key = ...)} says which key verifies it). Such a scheme refuses every request
     * when no key is named, so a deployment must name one.
     */
    default boolean keyNamedByEndpoint() {
        return false;
    }

    /**
     * Step 7: whether the request's signature was made with one of the key's currently valid secrets (or
     * its public key), compared in constant time. Reads the body through {@code body} only if the scheme
     * signs it, and only once.
     */
    SignatureCheck checkSignature(Credentials credentials, ReceivedRequest request, BodySource body, ApiKey key, Instant now)
            throws IOException;

    /**
     * The outcome of step 7, with the signed string (secrets redacted) for diagnostics and tools; for a
     * mismatch that has a more precise cause (a body that does not match its digest), what the refusal says;
     * and, for a scheme whose replay unit comes from the signature ({@link #replayUniqueFromSignature()}),
     * that unit on a match.
     */
    record SignatureCheck(Outcome outcome, Optional<String> signedStringRedacted, Optional<String> detail,
            Optional<String> replayUnique) {

        public enum Outcome { MATCH, MISMATCH, BODY_TOO_LARGE }

        public SignatureCheck {
            java.util.Objects.requireNonNull(outcome, "outcome");
            java.util.Objects.requireNonNull(signedStringRedacted, "signedStringRedacted");
            java.util.Objects.requireNonNull(detail, "detail");
            java.util.Objects.requireNonNull(replayUnique, "replayUnique");
        }

        public SignatureCheck(Outcome outcome, Optional<String> signedStringRedacted) {
            this(outcome, signedStringRedacted, Optional.empty(), Optional.empty());
        }

        public static SignatureCheck of(Outcome outcome, String redacted) {
            return new SignatureCheck(outcome, Optional.ofNullable(redacted));
        }

        /** A match whose replay unit the check computed. */
        public static SignatureCheck match(String replayUnique) {
            return new SignatureCheck(Outcome.MATCH, Optional.empty(), Optional.empty(), Optional.of(replayUnique));
        }

        /** A mismatch whose refusal says {@code detail} (never a secret or a signature). */
        public static SignatureCheck mismatch(String detail, String redacted) {
            return new SignatureCheck(Outcome.MISMATCH, Optional.ofNullable(redacted), Optional.of(detail), Optional.empty());
        }
    }
}
