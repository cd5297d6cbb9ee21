package dev.signet.core.verification;

import java.util.Objects;

/**
 * A refused request: the failure and a short human detail. The detail is meant for the caller, so it
 * never holds a secret, a MAC or a signed string.
 */
public record Refusal(Failure failure, String detail) implements Verification, ParsedCredentials {

    public Refusal {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
    }

    public static Refusal of(Failure failure, String detail) {
        return new Refusal(failure, detail);
    }
}
