// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as the server knows it. The secrets are {@link Secret}s, which never print, so the record's
 * own {@code toString} is safe to log.
 *
 * @param id                 the public key id the caller sends
 * @param secrets            one or more secrets; during a rotation, any valid one verifies
 * @param status             administrative state
 * @param expiresAt          when the key stops working, or {@code null} for never
 * @param scopes             what the key may do; checked against {@code @SignedRequired(scopes)}
 * @param allowedIps         CIDR allowlist; empty means any address
 * @param tenant             the tenant or workspace the key belongs to, or {@code null}
 * @param rateLimitPerMinute requests per minute, or {@code 0} for no limit
 * @param publicKey          for RFC 9421's asymmetric algorithms, the public key and its algorithm, or
 *                           {@code null}; a key with a public key may have no secret
 */
public record ApiKey(
        String id,
        List<Secret> secrets,
        KeyStatus status,
        Instant expiresAt,
        Set<String> scopes,
        List<IpRange> allowedIps,
        String tenant,
        int rateLimitPerMinute,
        PublicVerificationKey publicKey) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a key id must not be blank");
        }
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty() && publicKey == null) {
            throw new IllegalArgumentException("key " + id + " has no secret and no public key");
        }
        Objects.requireNonNull(status, "status");
        scopes = Set.copyOf(scopes);
        allowedIps = List.copyOf(allowedIps);
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException("rateLimitPerMinute must be >= 0");
        }
    }

    /** A key without a public key: every HMAC key. */
    public ApiKey(String id, List<Secret> secrets, KeyStatus status, Instant expiresAt, Set<String> scopes,
            List<IpRange> allowedIps, String tenant, int rateLimitPerMinute) {
        this(id, secrets, status, expiresAt, scopes, allowedIps, tenant, rateLimitPerMinute, null);
    }

    /** An active key with one secret and nothing else: the common case. */
    public static ApiKey of(String id, String secret) {
        return builder(id).secret(secret).build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The secrets that verify at {@code now}. */
    public List<Secret> secretsValidAt(Instant now) {
        // Asked per request: without a stream, and without a copy when every secret is valid (the usual case).
        for (Secret s : secrets) {
            if (!s.isValidAt(now)) {
                List<Secret> valid = new java.util.ArrayList<>(secrets.size());
                for (Secret t : secrets) {
                    if (t.isValidAt(now)) {
                        valid.add(t);
                    }
                }
                return List.copyOf(valid);
            }
        }
        return secrets; // already an unmodifiable copy (the constructor's List.copyOf)
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean allowsAddress(InetAddress address) {
        return allowedIps.isEmpty() || allowedIps.stream().anyMatch(r -> r.contains(address));
    }

    public boolean hasScopes(Set<String> required) {
        return scopes.containsAll(required);
    }

    /** The newest secret, which a client signs with. */
    public Secret signingSecret() {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("key " + id + " has a public key, not a secret");
        }
        return secrets.get(secrets.size() - 1);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id).status(status).expiresAt(expiresAt).tenant(tenant)
                .rateLimitPerMinute(rateLimitPerMinute).publicKey(publicKey);
        secrets.forEach(b::secret);
        scopes.forEach(b::scope);
        allowedIps.forEach(b::allowedIp);
        return b;
    }

    public static final class Builder {
        private final String id;
        private final List<Secret> secrets = new ArrayList<>();
        private KeyStatus status = KeyStatus.ACTIVE;
        private Instant expiresAt;
        private final Set<String> scopes = new LinkedHashSet<>();
        private final List<IpRange> allowedIps = new ArrayList<>();
        private String tenant;
        private int rateLimitPerMinute;
        private PublicVerificationKey publicKey;

        private Builder(String id) {
            this.id = id;
        }

        public Builder secret(String secret) {
            return secret(Secret.of(secret));
        }

        public Builder secret(Secret secret) {
            secrets.add(Objects.requireNonNull(secret));
            return this;
        }

        public Builder status(KeyStatus status) {
            this.status = status;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder scope(String scope) {
            scopes.add(scope);
            return this;
        }

        public Builder scopes(String... scopes) {
            this.scopes.addAll(List.of(scopes));
            return this;
        }

        public Builder allowedIp(String cidr) {
            return allowedIp(IpRange.parse(cidr));
        }

        public Builder allowedIp(IpRange range) {
            allowedIps.add(range);
            return this;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder rateLimitPerMinute(int rateLimitPerMinute) {
            this.rateLimitPerMinute = rateLimitPerMinute;
            return this;
        }

        /** The key's public half, for RFC 9421's asymmetric algorithms; {@code null} for none. */
        public Builder publicKey(PublicVerificationKey publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        /** {@code algorithm} is a name of RFC 9421's registry ({@code ed25519}), {@code pem} a SubjectPublicKeyInfo. */
        public Builder publicKey(String algorithm, String pem) {
            return publicKey(PublicVerificationKey.fromPem(algorithm, pem));
        }

        public ApiKey build() {
            return new ApiKey(id, secrets, status, expiresAt, scopes, allowedIps, tenant, rateLimitPerMinute, publicKey);
        }
    }
}
