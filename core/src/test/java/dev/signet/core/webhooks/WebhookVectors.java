// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The webhook senders' published examples (test resources under {@code webhooks/}, see ORIGIN.md there),
 * one file per preset, each case kept as data. Shared with the provider's and client filter's tests.
 */
public final class WebhookVectors {

    private WebhookVectors() {
    }

    /**
     * One published example.
     *
     * @param now the verifying server's clock; empty for senders that send no timestamp
     */
    public record Case(WebhookScheme scheme, String name, String source, List<String> secrets, String body,
            Map<String, String> headers, Optional<Instant> now, boolean verified, String failure) {

        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        /** The key the endpoint names, holding the case's secrets, oldest first. */
        public ApiKey key(String id) {
            ApiKey.Builder b = ApiKey.builder(id);
            secrets.forEach(b::secret);
            return b.build();
        }

        public HeaderSource headerSource() {
            return HeaderSource.of(headers);
        }

        @Override
        public String toString() {
            return scheme.name() + ": " + name; // the display name in parameterized tests; holds no secret
        }
    }

    public static List<Case> load(WebhookScheme scheme) {
        String file = "/webhooks/" + scheme.name() + ".json";
        try (InputStream in = WebhookVectors.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readArray().getValuesAs(JsonObject.class).stream().map(o -> toCase(scheme, o)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Case> all() {
        return WebhookPresets.all().stream().flatMap(s -> load(s).stream());
    }

    private static Case toCase(WebhookScheme scheme, JsonObject o) {
        Map<String, String> headers = new LinkedHashMap<>();
        o.getJsonObject("headers").forEach((k, v) -> headers.put(k, ((JsonString) v).getString()));
        JsonObject expected = o.getJsonObject("expected");
        boolean verified = expected.getString("outcome").equals("verified");
        return new Case(scheme, o.getString("name"), o.getString("source"),
                o.getJsonArray("secrets").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                o.getString("body"), Map.copyOf(headers),
                o.containsKey("now") ? Optional.of(Instant.ofEpochSecond(o.getJsonNumber("now").longValue())) : Optional.empty(),
                verified, verified ? null : expected.getString("failure"));
    }
}
