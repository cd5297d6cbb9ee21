// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import dev.signet.core.scheme.SignedStringRecipe.JsonObject;
import dev.signet.core.scheme.SignedStringRecipe.JsonObject.Member;
import dev.signet.core.scheme.SignedStringRecipe.Template;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The built-in schemes, each exactly as its seed document specifies. */
public final class Presets {

    /**
     * Seeds 000/001: "message = f"{timestamp}:{secret_key}"", hex digest, and "This HMAC key remains valid
     * for a duration of 5 minutes". Signs neither method, path nor body, and the MAC is a credential reused
     * for its five minutes, so there is no replay key: this preset is weak by design.
     */
    public static final Scheme TIMESTAMP_SECRET = new Scheme(
            "timestamp-secret",
            new SchemeHeaders("X-API-KEY", "X-Timestamp", "X-HMAC", null),
            Template.parse("{timestamp}:{secret}"),
            SignatureEncoding.HEX,
            TimestampFormat.EPOCH_SECONDS,
            Duration.ofMinutes(5),
            ReplayKey.NONE,
            null,
            ErrorFormat.DETAIL,
            false,
            false);

    /**
     * Seed 002: "hash = Base64(HMAC_SHA256(JSON.stringify(payload), accessSecret))" over
     * {timeStamp, requestId, accessId} in that order; "x-request-id: A unique UUID v4 for each request";
     * "x-timestamp: Current timestamp in ISO 8601 format". The window is not in the document: 300 s.
     */
    public static final Scheme JSON_PAYLOAD = new Scheme(
            "json-payload",
            new SchemeHeaders("x-access-id", "x-timestamp", "authorization", "x-request-id"),
            new JsonObject(List.of(
                    new Member("timeStamp", Component.TIMESTAMP),
                    new Member("requestId", Component.NONCE),
                    new Member("accessId", Component.KEY_ID))),
            SignatureEncoding.BASE64,
            TimestampFormat.ISO_8601,
            Duration.ofMinutes(5),
            ReplayKey.NONCE,
            NonceFormat.UUID,
            ErrorFormat.PROBLEM,
            false,
            false);

    /**
     * Seed 003: "{timestamp}\n{METHOD}\n{path}\n{bodyHash}", "encode the result as a lowercase hex string",
     * "rejects requests with timestamps older than 30 seconds" ("Timestamp drift > 30s": both ways), and replay is "the same (keyId, timestamp,
     * signature) tuple was already accepted within the drift window".
     */
    public static final Scheme CANONICAL = new Scheme(
            "canonical",
            new SchemeHeaders("X-API-Key", "X-Timestamp", "X-Signature", null),
            Template.parse("{timestamp}\\n{method}\\n{path}\\n{bodyHash}"),
            SignatureEncoding.HEX,
            TimestampFormat.EPOCH_SECONDS,
            Duration.ofSeconds(30),
            ReplayKey.KEY_TIMESTAMP_SIGNATURE,
            null,
            ErrorFormat.PROBLEM,
            false,
            true);

    /**
     * Seed 004: "method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash", then
     * "Base64(HMAC-SHA256(canonicalMessage, apiSecret))"; "|server_time - timestamp| > 60s → GA2013" (both ways);
     * "Each nonce must be globally unique within the 60-second timestamp window". Its error envelope, and
     * its deny-by-default: an endpoint that declares no scope is not reachable through the API chain.
     */
    public static final Scheme CANONICAL_NONCE = new Scheme(
            "canonical-nonce",
            new SchemeHeaders("X-Api-Key", "X-Timestamp", "X-Signature", "X-Nonce"),
            Template.parse("{method}\\n{path}\\n{timestamp}\\n{nonce}\\n{bodyHash}"),
            SignatureEncoding.BASE64,
            TimestampFormat.EPOCH_SECONDS,
            Duration.ofSeconds(60),
            ReplayKey.NONCE,
            NonceFormat.TOKEN,
            ErrorFormat.ENVELOPE,
            true,
            true);

    private static final List<Scheme> ALL = List.of(TIMESTAMP_SECRET, JSON_PAYLOAD, CANONICAL, CANONICAL_NONCE);

    private Presets() {
    }

    public static List<Scheme> all() {
        return ALL;
    }

    public static Optional<Scheme> byName(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
