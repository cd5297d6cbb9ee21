// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One way a request goes wrong, and what each preset's document answers: {@code timestamp-secret} a DRF-style
 * {@code detail}, {@code canonical-nonce} seed 004's envelope {@code code}, the others an RFC 9457 problem
 * {@code type}.
 */
public enum Refusal {
    NO_CREDENTIALS(401, "Authentication credentials were not provided", "missing-credentials", 401, "GA2001"),
    MALFORMED_TIMESTAMP(401, "Authentication credentials were not provided", "malformed-credentials", 401, "GA2001"),
    UNKNOWN_KEY(401, "Invalid API Key", "unknown-key", 401, "GA2011"),
    DISABLED_KEY(401, "Invalid API Key", "key-disabled", 403, "GA2021"),
    REVOKED_KEY(401, "Invalid API Key", "key-revoked", 403, "GA2021"),
    EXPIRED_KEY(401, "Invalid API Key", "key-expired", 403, "GA2021"),
    STALE_TIMESTAMP(401, "Timestamp out of range", "timestamp-out-of-window", 401, "GA2013"),
    FUTURE_TIMESTAMP(401, "Timestamp out of range", "timestamp-out-of-window", 401, "GA2013"),
    WRONG_SECRET(401, "Invalid HMAC", "signature-mismatch", 401, "GA2012"),
    TAMPERED_BODY(401, "Invalid HMAC", "signature-mismatch", 401, "GA2012"),
    IP_NOT_ALLOWED(401, "IP address not allowed", "ip-not-allowed", 403, "GA2022"),
    MISSING_SCOPE(403, "You do not have permission to perform this action", "scope-missing", 403, "GA2024");

    public static final List<String> PRESETS = List.of("timestamp-secret", "json-payload", "canonical", "canonical-nonce");
    private static final List<String> SIGNS_THE_BODY = List.of("canonical", "canonical-nonce");
    private static final String PROBLEM_BASE = "https://signet.dev/problems/";

    private final int detailStatus;
    private final String detail;
    private final String problemSlug;
    private final int envelopeStatus;
    private final String code;

    Refusal(int detailStatus, String detail, String problemSlug, int envelopeStatus, String code) {
        this.detailStatus = detailStatus;
        this.detail = detail;
        this.problemSlug = problemSlug;
        this.envelopeStatus = envelopeStatus;
        this.code = code;
    }

    /** Every (preset, refusal) pair that applies: a body change is no refusal where the preset does not sign the body. */
    public static Stream<Object[]> matrix() {
        return PRESETS.stream().flatMap(preset -> Arrays.stream(values())
            .filter(refusal -> refusal != TAMPERED_BODY || SIGNS_THE_BODY.contains(preset))
            .map(refusal -> new Object[] {preset, refusal}));
    }

    public int status(String preset) {
        return "canonical-nonce".equals(preset) ? envelopeStatus : detailStatus;
    }

    /** The member of the answer that names the refusal, and its value. */
    public String[] marker(String preset) {
        return switch (preset) {
            case "timestamp-secret" -> new String[] {"detail", detail};
            case "canonical-nonce" -> new String[] {"code", code};
            default -> new String[] {"type", PROBLEM_BASE + problemSlug};
        };
    }

    /** The media type of the answer's body. */
    public static String mediaType(String preset) {
        return switch (preset) {
            case "json-payload", "canonical" -> "application/problem+json";
            default -> "application/json";
        };
    }
}
