// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.ErrorFormat;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.Refusal;
import java.time.Clock;
import java.util.Locale;

/**
 * A refusal's body as the provider writes it for each {@link ErrorFormat}, so the test servers answer what
 * a client meets in production (the skew correction reads these bodies). Only the envelope codes the tests
 * meet are spelled out; the rest use the failure's name.
 */
public record RefusalBody(String contentType, String json) {

    public static RefusalBody of(ErrorFormat format, Refusal refusal, Clock clock) {
        Failure failure = refusal.failure();
        return switch (format) {
            case DETAIL -> new RefusalBody("application/json", "{\"detail\":" + JsonString.quote(refusal.detail()) + "}");
            case ENVELOPE -> envelope(envelopeCode(failure), envelopeMessage(failure), clock);
            case PROBLEM -> problem(failure.name().toLowerCase(Locale.ROOT).replace('_', '-'), refusal.detail());
        };
    }

    /** Seed 004's envelope. */
    public static RefusalBody envelope(String code, String message, Clock clock) {
        return new RefusalBody("application/json", "{\"version\":\"1.3.0\",\"timestamp\":" + clock.millis()
                + ",\"success\":false,\"code\":" + JsonString.quote(code) + ",\"message\":" + JsonString.quote(message)
                + ",\"data\":null}");
    }

    /** RFC 9457, with the provider's problem type for {@code slug}. */
    public static RefusalBody problem(String slug, String detail) {
        return new RefusalBody("application/problem+json", "{\"type\":" + JsonString.quote("https://signet.dev/problems/" + slug)
                + ",\"title\":" + JsonString.quote(slug) + ",\"status\":401,\"detail\":" + JsonString.quote(detail) + "}");
    }

    private static String envelopeCode(Failure failure) {
        return switch (failure) {
            case TIMESTAMP_OUT_OF_WINDOW, REPLAYED -> "GA2013";
            case SIGNATURE_MISMATCH -> "GA2012";
            case UNKNOWN_KEY -> "GA2011";
            case MISSING_CREDENTIALS, MALFORMED_CREDENTIALS -> "GA2001";
            default -> "401";
        };
    }

    private static String envelopeMessage(Failure failure) {
        return switch (failure) {
            case TIMESTAMP_OUT_OF_WINDOW -> "TIMESTAMP_EXPIRED";
            case REPLAYED -> "NONCE_REUSED";
            case SIGNATURE_MISMATCH -> "SIGNATURE_INVALID";
            case UNKNOWN_KEY -> "API_KEY_NOT_FOUND";
            case MISSING_CREDENTIALS, MALFORMED_CREDENTIALS -> "API_KEY_MISSING";
            default -> failure.name();
        };
    }
}
