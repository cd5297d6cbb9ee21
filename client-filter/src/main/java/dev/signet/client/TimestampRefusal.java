// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.ErrorFormat;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a response is a Signet server refusing a request for its timestamp, in the scheme's own error
 * format: the only answer the skew correction learns from. Any other 401 (a proxy's, a gateway's, another
 * refusal) says nothing about the clock, and its {@code Date} may say anything.
 */
final class TimestampRefusal {

    /** Refusal bodies are a few hundred bytes; a longer body is not one, and is not read further. */
    static final int MAX_BODY_BYTES = 4096;

    private TimestampRefusal() {
    }

    /** Reads at most {@link #MAX_BODY_BYTES} of the body and leaves all of it for the caller. */
    static boolean isOne(ErrorFormat format, ClientResponseContext response) throws IOException {
        MediaType type = response.getMediaType();
        if (type == null || !isJson(type)) {
            return false;
        }
        return BoundedBody.peek(response, MAX_BODY_BYTES)
                .flatMap(body -> JsonTopLevelStrings.read(new String(body, StandardCharsets.UTF_8)))
                .map(members -> names(format, members))
                .orElse(false);
    }

    /** Whether an error body's members name the timestamp failure as {@code format} words it. */
    static boolean names(ErrorFormat format, Map<String, String> members) {
        return switch (format) {
            // Seeds 000/001.
            case DETAIL -> "Timestamp out of range".equals(members.get("detail"));
            // Seed 004: GA2013 is also NONCE_REUSED, so the message decides.
            case ENVELOPE -> "GA2013".equals(members.get("code")) && "TIMESTAMP_EXPIRED".equals(members.get("message"));
            // RFC 9457, the type the provider writes for the failure.
            case PROBLEM -> members.getOrDefault("type", "").endsWith("timestamp-out-of-window");
        };
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
