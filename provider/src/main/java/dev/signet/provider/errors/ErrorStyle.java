package dev.signet.provider.errors;

/** The shape of an error body, chosen by the scheme so each answers as its vendor document does. */
public enum ErrorStyle {
    /** {@code {"detail": "Invalid HMAC"}}: seeds 000/001. */
    DETAIL,
    /** {@code {"version","timestamp","success":false,"code","message","data":null}}: seed 004. */
    ENVELOPE,
    /** RFC 9457 {@code application/problem+json}: every other scheme. */
    PROBLEM;

    public static ErrorStyle forScheme(String schemeName) {
        return switch (schemeName) {
            case "timestamp-secret" -> DETAIL;
            case "canonical-nonce" -> ENVELOPE;
            default -> PROBLEM;
        };
    }
}
