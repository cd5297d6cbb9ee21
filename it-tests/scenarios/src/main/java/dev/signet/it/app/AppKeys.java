// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.time.Instant;
import java.util.List;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;

/**
 * The keys the test application knows, each made for one scenario. They exist only in
 * {@link AppKeyRepository}: no key file is configured, so an accepted request proves the application's own
 * bean answered. The tests sign with the same ids and secrets.
 */
public final class AppKeys {

    public static final String READ = "ledger:read";
    public static final String WRITE = "ledger:write";
    public static final String TENANT = "acme";

    /** Reads and writes; the key most scenarios sign with. */
    public static final String WRITER = "app-writer";
    /** Reads only: refused where {@link #WRITE} is required. */
    public static final String READER = "app-reader";
    public static final String DISABLED = "app-disabled";
    public static final String REVOKED = "app-revoked";
    public static final String EXPIRED = "app-expired";
    /** Allowed only from a documentation network (RFC 5737), so never from the loopback the tests call from. */
    public static final String ELSEWHERE = "app-elsewhere";
    /** Reads and writes, at most {@link #RATED_PER_MINUTE} requests a sliding minute, counted on every node together. */
    public static final String RATED = "app-rated";
    public static final int RATED_PER_MINUTE = 10;

    private AppKeys() {
    }

    /** Test secrets are public by design; a real application reads them from a vault. */
    public static String secretOf(String keyId) {
        return "it-secret-of-" + keyId + "-0123456789abcdef";
    }

    static List<ApiKey> all() {
        return List.of(
            key(WRITER).scopes(READ, WRITE).tenant(TENANT).build(),
            key(READER).scopes(READ).build(),
            key(DISABLED).scopes(READ, WRITE).status(KeyStatus.DISABLED).build(),
            key(REVOKED).scopes(READ, WRITE).status(KeyStatus.REVOKED).build(),
            key(EXPIRED).scopes(READ, WRITE).expiresAt(Instant.parse("2020-01-01T00:00:00Z")).build(),
            key(ELSEWHERE).scopes(READ, WRITE).allowedIp("192.0.2.0/24").build(),
            key(RATED).scopes(READ, WRITE).rateLimitPerMinute(RATED_PER_MINUTE).build());
    }

    private static ApiKey.Builder key(String id) {
        return ApiKey.builder(id).secret(secretOf(id));
    }
}
