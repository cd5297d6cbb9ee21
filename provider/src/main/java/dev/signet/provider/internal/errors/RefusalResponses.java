// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.errors;

import dev.signet.core.scheme.ErrorFormat;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.provider.internal.idempotency.IdempotencyError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * Turns a refusal into the answer the scheme's document specifies: status, JSON body, and
 * {@code WWW-Authenticate} on every 401. Bodies never carry a secret or a MAC.
 */
public final class RefusalResponses {

    private static final String PROBLEM_BASE = "https://signet.dev/problems/";

    private final String realm;
    private final Clock clock;

    public RefusalResponses(String realm, Clock clock) {
        this.realm = realm;
        this.clock = clock;
    }

    /** The answer to a refusal, in the scheme's error format. */
    public Response respond(SignatureScheme scheme, Refusal refusal) {
        return respond(scheme, refusal, java.util.Map.of());
    }

    /**
     * The answer to a refusal; a 401 also carries {@code challenge}, the headers the scheme asks for (RFC
     * 9421's {@code Accept-Signature}).
     */
    public Response respond(SignatureScheme scheme, Refusal refusal, java.util.Map<String, String> challenge) {
        ErrorFormat style = scheme.errorFormat();
        String schemeName = scheme.name();
        String diagnostics = refusal.signedString().orElse(null);
        long retryAfterSeconds = refusal.retryAfterSeconds();
        int status = status(style, refusal.failure());
        String body = switch (style) {
            case DETAIL -> "{\"detail\":" + JsonString.quote(detailMessage(refusal.failure())) + diagnosticsMember(diagnostics) + "}";
            case ENVELOPE -> envelope(refusal.failure(), diagnostics);
            case PROBLEM -> problem(refusal, status, diagnostics);
        };
        Response.ResponseBuilder response = Response.status(status)
                .type(style == ErrorFormat.PROBLEM ? "application/problem+json" : "application/json")
                .entity(body);
        // The server's time on every refusal lets a client correct its clock after "timestamp out of range".
        response.header(HttpHeaders.DATE, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC))));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    "Signet realm=" + JsonString.quote(realm) + ", scheme=" + JsonString.quote(schemeName));
            challenge.forEach(response::header);
        }
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }

    /**
     * The answer of the idempotency check (draft-ietf-httpapi-idempotency-key-header-06's 400, 409 and
     * 422, and 503 when its store cannot answer), in the scheme's error format like every refusal.
     */
    public Response idempotency(SignatureScheme scheme, IdempotencyError error) {
        String body = switch (scheme.errorFormat()) {
            case DETAIL -> "{\"detail\":" + JsonString.quote(error.detail()) + "}";
            case ENVELOPE -> "{\"version\":\"1.3.0\",\"timestamp\":" + clock.millis() + ",\"success\":false,\"code\":"
                    + JsonString.quote(String.valueOf(error.status())) + ",\"message\":" + JsonString.quote(error.code())
                    + ",\"data\":null}";
            case PROBLEM -> "{\"type\":" + JsonString.quote(PROBLEM_BASE + error.slug())
                    + ",\"title\":" + JsonString.quote(error.title())
                    + ",\"status\":" + error.status()
                    + ",\"detail\":" + JsonString.quote(error.detail()) + "}";
        };
        return Response.status(error.status())
                .type(scheme.errorFormat() == ErrorFormat.PROBLEM ? "application/problem+json" : "application/json")
                .header(HttpHeaders.DATE, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC))))
                .entity(body).build();
    }

    static int status(ErrorFormat style, Failure failure) {
        return switch (failure) {
            case KEY_DISABLED, KEY_REVOKED, KEY_EXPIRED, IP_NOT_ALLOWED -> style == ErrorFormat.ENVELOPE ? 403 : 401;
            case TENANT_NOT_FOUND -> 404;
            case TENANT_MISMATCH, SCOPE_MISSING, ENDPOINT_NOT_OPEN -> 403;
            case RATE_LIMITED -> 429;
            case BODY_TOO_LARGE -> 413;
            case REPLAY_STORE_UNAVAILABLE, KEY_REPOSITORY_UNAVAILABLE, RATE_LIMIT_UNAVAILABLE -> 503;
            default -> 401;
        };
    }

    /** The messages of seeds 000/001, word for word where the document has one. */
    static String detailMessage(Failure failure) {
        return switch (failure) {
            case MISSING_CREDENTIALS, MALFORMED_CREDENTIALS, POLICY_NOT_MET -> "Authentication credentials were not provided";
            case UNKNOWN_KEY, KEY_DISABLED, KEY_REVOKED, KEY_EXPIRED -> "Invalid API Key";
            case TIMESTAMP_OUT_OF_WINDOW -> "Timestamp out of range";
            case SIGNATURE_MISMATCH, REPLAYED -> "Invalid HMAC";
            case IP_NOT_ALLOWED -> "IP address not allowed";
            case TENANT_NOT_FOUND -> "Not found";
            case TENANT_MISMATCH, SCOPE_MISSING, ENDPOINT_NOT_OPEN -> "You do not have permission to perform this action";
            case RATE_LIMITED -> "Request was throttled";
            case BODY_TOO_LARGE -> "Request body too large";
            case REPLAY_STORE_UNAVAILABLE, KEY_REPOSITORY_UNAVAILABLE, RATE_LIMIT_UNAVAILABLE -> "Service temporarily unavailable";
        };
    }

    private String envelope(Failure failure, String diagnostics) {
        String[] code = envelopeCode(failure);
        return "{\"version\":\"1.3.0\",\"timestamp\":" + clock.millis() + ",\"success\":false,\"code\":"
                + JsonString.quote(code[0]) + ",\"message\":" + JsonString.quote(code[1]) + ",\"data\":"
                + (diagnostics == null ? "null" : "{\"signedString\":" + JsonString.quote(diagnostics) + "}") + "}";
    }

    /** Seed 004's codes; the ones it does not name (413, 429, 503) use the HTTP status as the code. */
    static String[] envelopeCode(Failure failure) {
        return switch (failure) {
            case MISSING_CREDENTIALS, MALFORMED_CREDENTIALS, POLICY_NOT_MET -> new String[] {"GA2001", "API_KEY_MISSING"};
            case UNKNOWN_KEY -> new String[] {"GA2011", "API_KEY_NOT_FOUND"};
            case KEY_DISABLED, KEY_REVOKED, KEY_EXPIRED -> new String[] {"GA2021", "API_KEY_DISABLED"};
            case TENANT_NOT_FOUND -> new String[] {"GA2032", "WORKSPACE_NOT_FOUND"};
            case TENANT_MISMATCH -> new String[] {"GA2034", "WORKSPACE_ACCESS_DENIED"};
            case TIMESTAMP_OUT_OF_WINDOW -> new String[] {"GA2013", "TIMESTAMP_EXPIRED"};
            case REPLAYED -> new String[] {"GA2013", "NONCE_REUSED"};
            case SIGNATURE_MISMATCH -> new String[] {"GA2012", "SIGNATURE_INVALID"};
            case IP_NOT_ALLOWED -> new String[] {"GA2022", "IP_NOT_WHITELISTED"};
            case SCOPE_MISSING -> new String[] {"GA2024", "SCOPE_INSUFFICIENT"};
            case ENDPOINT_NOT_OPEN -> new String[] {"50090201", "API_ACCESS_DENIED"};
            case RATE_LIMITED -> new String[] {"429", "RATE_LIMITED"};
            case BODY_TOO_LARGE -> new String[] {"413", "PAYLOAD_TOO_LARGE"};
            case REPLAY_STORE_UNAVAILABLE, KEY_REPOSITORY_UNAVAILABLE, RATE_LIMIT_UNAVAILABLE -> new String[] {"503", "SERVICE_UNAVAILABLE"};
        };
    }

    private static String problem(Refusal refusal, int status, String diagnostics) {
        String slug = refusal.failure().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return "{\"type\":" + JsonString.quote(PROBLEM_BASE + slug)
                + ",\"title\":" + JsonString.quote(title(refusal.failure()))
                + ",\"status\":" + status
                + ",\"detail\":" + JsonString.quote(refusal.detail())
                + diagnosticsMember(diagnostics) + "}";
    }

    private static String title(Failure failure) {
        String words = failure.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String diagnosticsMember(String diagnostics) {
        return diagnostics == null ? "" : ",\"signedString\":" + JsonString.quote(diagnostics);
    }
}
