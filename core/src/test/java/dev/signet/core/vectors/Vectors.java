// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.vectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the shared seed vectors (test resources under {@code vectors/}, copied from shared/vectors; see
 * ORIGIN.md there). Each case is kept as data: its inputs and its expected outputs by name.
 */
public final class Vectors {

    public static final String LENME = "lenme.json";
    public static final String TENDER = "tender.json";
    public static final String CANONICAL_HEX = "canonical-hex.json";
    public static final String LAMPAY = "lampay.json";

    private Vectors() {
    }

    public record Case(String file, String name, Map<String, String> input, Map<String, String> expected) {

        public String get(String field) {
            String value = input.get(field);
            if (value == null) {
                throw new IllegalArgumentException(file + "/" + name + " has no field " + field);
            }
            return value;
        }

        public String getOrDefault(String field, String fallback) {
            return input.getOrDefault(field, fallback);
        }

        @Override
        public String toString() {
            return file + ":" + name; // the display name in parameterized tests; holds no secret
        }
    }

    public static List<Case> load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/" + file);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readArray().getValuesAs(JsonObject.class).stream().map(o -> toCase(file, o)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case toCase(String file, JsonObject o) {
        Map<String, String> input = new LinkedHashMap<>();
        o.forEach((k, v) -> {
            if (v.getValueType() == JsonValue.ValueType.STRING) {
                input.put(k, o.getString(k));
            }
        });
        Map<String, String> expected = new LinkedHashMap<>();
        o.getJsonObject("expected").forEach((k, v) -> expected.put(k, o.getJsonObject("expected").getString(k)));
        return new Case(file, o.getString("name"), Map.copyOf(input), Map.copyOf(expected));
    }
}
