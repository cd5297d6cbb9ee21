// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.scheme.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What every echo endpoint answers: who the verified caller is and what the resource received, so a
 * caller can see that the body it signed is the body the resource read; and {@code served}, an id made
 * afresh each time the resource runs, so an {@code Idempotency-Key} repeat answered from the store shows
 * the first execution's id rather than a new one.
 */
final class EchoReply {

    private EchoReply() {
    }

    /** {@code {"keyId":...,"method":...,"path":...,"body":"<the raw body>","served":"<a new random UUID>"}} */
    static String json(String keyId, String method, String rawPath, byte[] body) {
        return json(keyId, method, rawPath, body, UUID.randomUUID().toString());
    }

    /** The reply with the given {@code served} id. */
    static String json(String keyId, String method, String rawPath, byte[] body, String served) {
        return "{\"keyId\":" + JsonString.quote(keyId)
                + ",\"method\":" + JsonString.quote(method)
                + ",\"path\":" + JsonString.quote(rawPath)
                + ",\"body\":" + JsonString.quote(new String(body, StandardCharsets.UTF_8))
                + ",\"served\":" + JsonString.quote(served) + "}";
    }
}
