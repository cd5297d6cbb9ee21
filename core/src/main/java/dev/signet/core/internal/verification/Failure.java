// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

/** Why a request was refused, named for the {@link Step} of the pipeline that refused it. */
public enum Failure {
    MISSING_CREDENTIALS(Step.CREDENTIALS),
    MALFORMED_CREDENTIALS(Step.CREDENTIALS),
    /** Well formed, but not what the server's policy asks a signature to hold (RFC 9421: covered components). */
    POLICY_NOT_MET(Step.CREDENTIALS),
    UNKNOWN_KEY(Step.KEY_LOOKUP),
    /** The key repository could not answer: refuse rather than guess. */
    KEY_REPOSITORY_UNAVAILABLE(Step.KEY_LOOKUP),
    KEY_DISABLED(Step.KEY_STATUS),
    KEY_REVOKED(Step.KEY_STATUS),
    KEY_EXPIRED(Step.KEY_STATUS),
    TENANT_NOT_FOUND(Step.TENANT),
    TENANT_MISMATCH(Step.TENANT),
    TIMESTAMP_OUT_OF_WINDOW(Step.WINDOW),
    REPLAYED(Step.REPLAY),
    /** The replay store could not answer: refuse rather than wave the request through. */
    REPLAY_STORE_UNAVAILABLE(Step.REPLAY),
    /** The body is larger than the server accepts; found while hashing it for the signature. */
    BODY_TOO_LARGE(Step.SIGNATURE),
    SIGNATURE_MISMATCH(Step.SIGNATURE),
    IP_NOT_ALLOWED(Step.IP_ALLOWLIST),
    SCOPE_MISSING(Step.SCOPE),
    /** Seed 004's deny-by-default: the endpoint declares no scope, so no key may call it. */
    ENDPOINT_NOT_OPEN(Step.SCOPE),
    RATE_LIMITED(Step.RATE_LIMIT),
    /** The shared rate budget could not answer: refuse rather than serve without a limit. */
    RATE_LIMIT_UNAVAILABLE(Step.RATE_LIMIT);

    private final Step step;

    Failure(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }
}
