// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * What the server answered: the status and a short reason taken from the error body, in whatever format
 * the preset's document uses (a {@code code} and {@code message}, an RFC 9457 {@code title}, or a {@code detail}).
 */
public record Outcome(int status, String reason) {

    private static final int MAX_REASON = 40;

    public static Outcome of(int status, String body) {
        if (status >= 200 && status < 300) {
            return new Outcome(status, "accepted");
        }
        return new Outcome(status, reason(body));
    }

    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }

    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            if (json.containsKey("code") && json.containsKey("message")) {
                return text(json, "code") + " " + text(json, "message");
            }
            if (json.containsKey("title")) {
                return text(json, "title");
            }
            if (json.containsKey("detail")) {
                return text(json, "detail");
            }
        } catch (JsonException | ClassCastException | IllegalStateException notAJsonObject) {
            // fall through to the raw text
        }
        String firstLine = body.strip().lines().findFirst().orElse("");
        return firstLine.length() <= MAX_REASON ? firstLine : firstLine.substring(0, MAX_REASON) + "...";
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(json.get(name));
    }
}
