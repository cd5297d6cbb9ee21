// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.canonical;

import dev.signet.core.internal.crypto.BodyHash;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of a request that a scheme signs, after the one set of rules that both the signer and the
 * verifier apply. Every preset's signed string is built from these values and nowhere else.
 *
 * <ul>
 *   <li>Method, upper case. Seed 003: "{METHOD}" in its template; seed 004: "HTTP method in uppercase".
 *   <li>Path, raw: the path as the client sent it, percent-encoding kept, context root and application path
 *       included, no query. Seed 003: "path: the request path (without query string)"; seed 004: "the
 *       request path, e.g. /api/v1/transfers". Decoding would let two different wire requests share one
 *       signature, so the bytes on the wire are what is signed.
 *   <li>Query: not signed by any preset (their documents say "without query string"). A custom scheme may
 *       sign it as sent ({@code {query}}, raw, without the {@code ?}) or in {@link CanonicalQuery} form.
 *   <li>Body hash: lowercase hex SHA-256 of the exact body bytes, of zero bytes when there is none. Seed 003:
 *       "hex-encoded SHA-256 hash of the raw request body (use the hash of an empty string if no body)";
 *       seed 004: "SHA-256 hex digest of the raw request body (empty string hash for GET requests)".
 *   <li>Header values are trimmed of surrounding whitespace before use (RFC 9110 section 5.5: optional
 *       whitespace around a field value is not part of it); see {@link #headerValue}.
 * </ul>
 */
public record CanonicalRequest(String method, String path, String query, BodyHash bodyHash) {

    public CanonicalRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        Objects.requireNonNull(bodyHash, "bodyHash");
    }

    /** A request without a query string. */
    public CanonicalRequest(String method, String path, BodyHash bodyHash) {
        this(method, path, "", bodyHash);
    }

    public static CanonicalRequest withoutBody(String method, String path) {
        return new CanonicalRequest(method, path, BodyHash.EMPTY);
    }

    /** A received header value as it enters a signed string: surrounding whitespace is not part of it. */
    public static String headerValue(String received) {
        return received == null ? null : received.trim();
    }

    /**
     * Whether a key id can be sent and logged safely: visible ASCII only, so no control character, CR/LF or
     * look-alike Unicode reaches a repository query or a log line. The client checks its own before sending.
     */
    public static boolean isWellFormedKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Longest credential header value read at all: bounds the work an attacker can ask for. */
    public static final int MAX_HEADER_LENGTH = 256;
}
