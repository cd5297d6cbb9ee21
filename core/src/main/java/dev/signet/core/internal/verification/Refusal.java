// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused request and everything its answer needs. The detail is meant for the caller, so it never
 * holds a secret or a MAC; {@code signedString} (secret redacted) is present only when the server runs
 * in diagnostics mode and the signature did not match.
 *
 * @param retryAfterSeconds for {@link Failure#RATE_LIMITED}, the seconds until a slot frees; else 0
 * @param rateLimits        the budgets that counted the request, for a request refused after its signature
 *                          verified (steps 9 to 11); empty before
 */
public record Refusal(Failure failure, String detail, long retryAfterSeconds, Optional<String> signedString,
        List<RateLimitStatus> rateLimits) implements Verification, ParsedCredentials {

    public Refusal {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(signedString, "signedString");
        rateLimits = List.copyOf(rateLimits);
    }

    public Refusal(Failure failure, String detail, long retryAfterSeconds, Optional<String> signedString) {
        this(failure, detail, retryAfterSeconds, signedString, List.of());
    }

    public static Refusal of(Failure failure, String detail) {
        return new Refusal(failure, detail, 0, Optional.empty());
    }

    Refusal retryAfter(long seconds) {
        return new Refusal(failure, detail, seconds, signedString, rateLimits);
    }

    Refusal withSignedString(String redacted) {
        return new Refusal(failure, detail, retryAfterSeconds, Optional.of(redacted), rateLimits);
    }

    Refusal withRateLimits(List<RateLimitStatus> statuses) {
        return new Refusal(failure, detail, retryAfterSeconds, signedString, statuses);
    }
}
