// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
    /** An RFC 9421 Ed25519 key: the WAR holds its public half, the tests sign with its private half. */
    public static final String ED25519 = "app-ed25519";

    /**
     * A key pair made for these tests alone (never used anywhere else): the WAR and the test JVM are different
     * processes, so it cannot be generated at run time.
     */
    public static final String ED25519_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA3t0JQH4SMAgUMM23d9LdXhx/wwTmGYv5YEHmsyrqCFI=
            -----END PUBLIC KEY-----
            """;
    public static final String ED25519_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIK6xCoqNI2mr4KU2ufcIP5fyVKsgCTbLalrKlvQ843I4
            -----END PRIVATE KEY-----
            """;

    /**
     * The secret every webhook sender's key holds, in the {@code whsec_} form Stripe and Standard Webhooks
     * senders show (base64 key bytes for Standard Webhooks; the whole text for the others).
     */
    public static final String WEBHOOK_SECRET = "whsec_" + Base64.getEncoder()
        .encodeToString("it-webhook-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    /** Reads and writes, at most {@link #RATED_PER_MINUTE} requests a sliding minute, counted on every node together. */
    public static final String RATED = "app-rated";
    public static final int RATED_PER_MINUTE = 10;

    private AppKeys() {
    }

    /** The key a webhook endpoint names for the sender {@code preset}: {@code <preset>-hooks}. */
    public static String webhookKey(String preset) {
        return preset + "-hooks";
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
            key(RATED).scopes(READ, WRITE).rateLimitPerMinute(RATED_PER_MINUTE).build(),
            ApiKey.builder(ED25519).scopes(READ, WRITE).publicKey("ed25519", ED25519_PUBLIC_PEM).build(),
            webhook(WebhookReceiver.STANDARD_WEBHOOKS), webhook(WebhookReceiver.STRIPE), webhook(WebhookReceiver.GITHUB),
            webhook(WebhookReceiver.SLACK), webhook(WebhookReceiver.SHOPIFY));
    }

    private static ApiKey webhook(String preset) {
        return ApiKey.builder(webhookKey(preset)).secret(WEBHOOK_SECRET).build();
    }

    private static ApiKey.Builder key(String id) {
        return ApiKey.builder(id).secret(secretOf(id));
    }
}
