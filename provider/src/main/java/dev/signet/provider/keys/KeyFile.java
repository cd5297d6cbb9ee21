// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON key file format:
 * <pre>{"keys":[{"id":"k1","secret":"...","status":"active","scopes":["demo:write"],
 *   "allowedIps":["127.0.0.1/32"],"tenant":"t1","rateLimitPerMinute":120,"expiresAt":"2027-01-01T00:00:00Z"}]}</pre>
 * Only {@code id} and {@code secret} are required. A rotation lists {@code "secrets":[{"value":"old",
 * "notAfter":"..."},{"value":"new"}]} instead of {@code secret}. A key of one of RFC 9421's asymmetric
 * algorithms has {@code "algorithm":"ed25519","publicKey":"-----BEGIN PUBLIC KEY-----\n..."} (a name of the
 * RFC's registry and a PEM SubjectPublicKeyInfo) instead of a secret; {@code "algorithm":"hmac-sha256"} with a
 * secret is the same as no algorithm. Errors name the key, never a secret.
 */
public final class KeyFile {

    private KeyFile() {
    }

    public static InMemoryKeyRepository load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    public static InMemoryKeyRepository parse(Reader reader) {
        try (JsonReader json = Json.createReader(reader)) {
            JsonArray keys = json.readObject().getJsonArray("keys");
            if (keys == null) {
                throw new IllegalArgumentException("a key file is {\"keys\":[...]}");
            }
            List<ApiKey> parsed = new ArrayList<>();
            for (JsonValue value : keys) {
                parsed.add(key(value.asJsonObject()));
            }
            return new InMemoryKeyRepository(parsed);
        } catch (JsonException | ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed key file: " + e.getClass().getSimpleName(), e);
        }
    }

    private static ApiKey key(JsonObject o) {
        String id = o.getString("id", null);
        if (id == null) {
            throw new IllegalArgumentException("a key in the key file has no id");
        }
        ApiKey.Builder b = ApiKey.builder(id);
        if (o.containsKey("secret")) {
            b.secret(o.getString("secret"));
        }
        if (o.containsKey("secrets")) {
            for (JsonValue s : o.getJsonArray("secrets")) {
                JsonObject so = s.asJsonObject();
                String notAfter = so.getString("notAfter", null);
                b.secret(notAfter == null ? Secret.of(so.getString("value"))
                        : Secret.validUntil(so.getString("value"), Instant.parse(notAfter)));
            }
        }
        String algorithm = o.getString("algorithm", null);
        if (o.containsKey("publicKey")) {
            if (algorithm == null) {
                throw new IllegalArgumentException("key " + id + ": a publicKey needs its algorithm");
            }
            try {
                b.publicKey(algorithm, o.getString("publicKey"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + ": " + e.getMessage());
            }
        } else if (algorithm != null && !algorithm.equals("hmac-sha256")) {
            throw new IllegalArgumentException("key " + id + ": algorithm " + algorithm + " needs a publicKey");
        }
        b.status(KeyStatus.valueOf(o.getString("status", "active").toUpperCase(Locale.ROOT)));
        if (o.containsKey("expiresAt")) {
            b.expiresAt(Instant.parse(o.getString("expiresAt")));
        }
        strings(o, "scopes").forEach(b::scope);
        strings(o, "allowedIps").forEach(b::allowedIp);
        b.tenant(o.getString("tenant", null));
        b.rateLimitPerMinute(o.getInt("rateLimitPerMinute", 0));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + id + ": " + e.getMessage());
        }
    }

    private static List<String> strings(JsonObject o, String name) {
        JsonArray array = o.getJsonArray(name);
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
