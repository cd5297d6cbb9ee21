// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import java.io.StringReader;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;

/** An HTTP answer with its JSON body read; a body that is not JSON fails the test with the body shown. */
public record Answer(int status, JsonObject json, String contentType, String challenge, String raw) {

    public static Answer of(HttpResponse<String> response) {
        return new Answer(response.statusCode(), parse(response.body()),
            response.headers().firstValue("Content-Type").orElse(""),
            response.headers().firstValue("WWW-Authenticate").orElse(null),
            response.body());
    }

    /** The same from a JAX-RS client's response (the client filter's side). */
    public static Answer of(Response response) {
        String body = response.readEntity(String.class);
        return new Answer(response.getStatus(), parse(body), String.valueOf(response.getMediaType()),
            response.getHeaderString("WWW-Authenticate"), body);
    }

    public static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new AssertionError("the answer is not a JSON object: " + body, e);
        }
    }

    public String string(String member) {
        return json.getString(member);
    }

    /** The media type alone, without parameters such as charset. */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
