package dev.signet.core.verification;

/**
 * Why a request was refused, named for the step of the verification pipeline that refused it. The step
 * numbers are those of the pipeline in DESIGN.md; the first failing step answers.
 */
public enum Failure {
    MISSING_CREDENTIALS(1),
    MALFORMED_CREDENTIALS(1),
    UNKNOWN_KEY(2),
    /** The key repository could not answer: refuse rather than guess. */
    KEY_REPOSITORY_UNAVAILABLE(2),
    KEY_DISABLED(3),
    KEY_REVOKED(3),
    KEY_EXPIRED(3),
    TENANT_NOT_FOUND(4),
    TENANT_MISMATCH(4),
    TIMESTAMP_OUT_OF_WINDOW(5),
    REPLAYED(6),
    /** The replay store could not answer: refuse rather than wave the request through. */
    REPLAY_STORE_UNAVAILABLE(6),
    /** The body is larger than the server accepts; found while hashing it for step 7. */
    BODY_TOO_LARGE(7),
    SIGNATURE_MISMATCH(7),
    IP_NOT_ALLOWED(9),
    SCOPE_MISSING(10),
    RATE_LIMITED(11);

    private final int step;

    Failure(int step) {
        this.step = step;
    }

    public int step() {
        return step;
    }
}
