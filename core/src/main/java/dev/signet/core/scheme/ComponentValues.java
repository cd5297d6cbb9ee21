// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import dev.signet.core.internal.canonical.CanonicalQuery;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.keys.Secret;
import java.util.Objects;

/**
 * The values a recipe draws from, for one request. {@code nonce} is {@code null} when the scheme has none.
 * The secret is a {@link Secret}, so this record prints safely.
 */
public record ComponentValues(
        String method, String path, String query, String timestamp, String nonce, String bodyHash, String keyId,
        Secret secret) {

    public ComponentValues {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** The values of one request: the signer and the verifier both build them here, from the same rules. */
    public static ComponentValues of(CanonicalRequest request, String keyId, String timestamp, String nonce, Secret secret) {
        return new ComponentValues(request.method(), request.path(), request.query(), timestamp, nonce,
                request.bodyHash().hex(), keyId, secret);
    }

    String valueOf(Component component, boolean redactSecret) {
        return switch (component) {
            case METHOD -> method;
            case PATH -> path;
            case QUERY -> query;
            case CANONICAL_QUERY -> CanonicalQuery.of(query);
            case TIMESTAMP -> timestamp;
            case NONCE -> nonce == null ? "" : nonce;
            case BODY_HASH -> bodyHash;
            case KEY_ID -> keyId;
            case SECRET -> redactSecret ? "<secret>" : Objects.requireNonNull(secret, "secret").reveal();
        };
    }
}
