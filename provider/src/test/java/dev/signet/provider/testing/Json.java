// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import jakarta.json.JsonObject;
import java.io.StringReader;

/** Parses a response body, so assertions read members rather than match substrings. */
public final class Json {

    private Json() {
    }

    public static JsonObject parse(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** One string member of a JSON object body, or null when absent. */
    public static String field(String body, String name) {
        JsonObject object = parse(body);
        return object.containsKey(name) && !object.isNull(name) ? object.get(name).toString().replaceAll("^\"|\"$", "") : null;
    }
}
