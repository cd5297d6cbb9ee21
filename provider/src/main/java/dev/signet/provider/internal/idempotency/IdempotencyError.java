// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

/**
 * The answers of the idempotency check, each in the scheme's error format (see
 * {@link dev.signet.provider.internal.errors.RefusalResponses#idempotency}). The statuses are those of
 * draft-ietf-httpapi-idempotency-key-header-06, section 2.7.
 */
public enum IdempotencyError {
    MISSING(400, "Idempotency key missing", "IDEMPOTENCY_KEY_MISSING",
            "This operation is idempotent: send an Idempotency-Key header"),
    MALFORMED(400, "Idempotency key malformed", "IDEMPOTENCY_KEY_MALFORMED",
            "Idempotency-Key must be one quoted string of 1 to 255 printable ASCII characters"),
    IN_FLIGHT(409, "Idempotency key in use", "IDEMPOTENCY_KEY_IN_USE",
            "A request with this Idempotency-Key is still being processed; retry later"),
    REUSED(422, "Idempotency key reused", "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used for a different request; a key must not be reused with another payload"),
    NOT_KEPT(409, "Idempotent response not kept", "IDEMPOTENT_RESPONSE_NOT_KEPT",
            "The request with this Idempotency-Key was processed, but its response was too large to keep; it is not run again"),
    UNAVAILABLE(503, "Idempotency store unavailable", "SERVICE_UNAVAILABLE",
            "Idempotency keys cannot be checked now; the request was not processed");

    private final int status;
    private final String title;
    private final String code;
    private final String detail;

    IdempotencyError(int status, String title, String code, String detail) {
        this.status = status;
        this.title = title;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The message of seed 004's envelope (its code is the HTTP status, as for the other codes it does not name). */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The problem type's last path segment, such as {@code idempotency-key-reused}. */
    public String slug() {
        return this == UNAVAILABLE ? "idempotency-store-unavailable" : code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
