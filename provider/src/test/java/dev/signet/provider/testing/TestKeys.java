// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The application's own key repository bean in tests: one key per situation the pipeline must handle. */
@ApplicationScoped
public class TestKeys implements KeyRepository {

    public static final String SECRET = "test-secret-0123456789";
    public static final String OLD_SECRET = "old-secret-9876543210";

    public static final ApiKey WRITER = ApiKey.builder("writer").secret(SECRET).scopes("items:write", "items:read")
            .tenant("t1").build();
    public static final ApiKey READER = ApiKey.builder("reader").secret(SECRET).scopes("items:read").build();
    public static final ApiKey DISABLED = ApiKey.builder("disabled").secret(SECRET).scopes("items:read")
            .status(KeyStatus.DISABLED).build();
    public static final ApiKey REVOKED = ApiKey.builder("revoked").secret(SECRET).scopes("items:read")
            .status(KeyStatus.REVOKED).build();
    public static final ApiKey EXPIRED = ApiKey.builder("expired").secret(SECRET).scopes("items:read")
            .expiresAt(Instant.parse("2020-01-01T00:00:00Z")).build();
    public static final ApiKey ROTATED = ApiKey.builder("rotated").secret(Secret.validUntil(OLD_SECRET,
            Instant.now().plusSeconds(3600))).secret(SECRET).scopes("items:read").build();
    public static final ApiKey LOOPBACK_ONLY = ApiKey.builder("loopback").secret(SECRET).scopes("items:read")
            .allowedIp("127.0.0.1/32").allowedIp("::1/128").build();
    public static final ApiKey ELSEWHERE_ONLY = ApiKey.builder("elsewhere").secret(SECRET).scopes("items:read")
            .allowedIp("203.0.113.0/24").allowedIp("2001:db8::/32").build();
    public static final ApiKey LIMITED = ApiKey.builder("limited").secret(SECRET).scopes("items:read")
            .rateLimitPerMinute(3).build();
    /** Seed 003's budget: "120 requests per minute per API key". */
    public static final ApiKey RATED = ApiKey.builder("rated").secret(SECRET).scopes("items:read")
            .rateLimitPerMinute(120).build();
    /** The same budget for a second scenario against the same servers. */
    public static final ApiKey RATED_TOO = ApiKey.builder("rated-too").secret(SECRET).scopes("items:read", "items:write")
            .rateLimitPerMinute(120).build();

    private final InMemoryKeyRepository keys = InMemoryKeyRepository.of(
            WRITER, READER, DISABLED, REVOKED, EXPIRED, ROTATED, LOOPBACK_ONLY, ELSEWHERE_ONLY, LIMITED, RATED, RATED_TOO);
    private final AtomicInteger lookups = new AtomicInteger();

    /**
     * Matches ids without regard to case, as many database collations do: the pipeline must take the
     * caller's identity from the key returned, not from the header's spelling.
     */
    @Override
    public Optional<ApiKey> find(String keyId) {
        lookups.incrementAndGet();
        return keys.find(keyId.toLowerCase(Locale.ROOT));
    }

    /** How often the filter asked: proves this bean, not a built-in, was used. */
    public int lookups() {
        return lookups.get();
    }
}
