// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** A verifying server's answer, read and closed: the status and, when accepted, what it received. */
public record Answer(int status, String text) {

    public static Answer of(Response response) {
        try (response) {
            return new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    public boolean accepted() {
        return status == 200;
    }

    /** Lowercase hex SHA-256 of the body bytes the server received. */
    public String receivedSha256() {
        return json().getString("sha256");
    }

    public long receivedLength() {
        return json().getJsonNumber("length").longValueExact();
    }

    private JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
