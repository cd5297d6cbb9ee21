// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.scheme.JsonString;
import java.nio.charset.StandardCharsets;

/**
 * What every echo endpoint answers: who the verified caller is and what the resource received, so a
 * caller can see that the body it signed is the body the resource read.
 */
final class EchoReply {

    private EchoReply() {
    }

    /** {@code {"keyId":...,"method":...,"path":...,"body":"<the raw body>"}} */
    static String json(String keyId, String method, String rawPath, byte[] body) {
        return "{\"keyId\":" + JsonString.quote(keyId)
                + ",\"method\":" + JsonString.quote(method)
                + ",\"path\":" + JsonString.quote(rawPath)
                + ",\"body\":" + JsonString.quote(new String(body, StandardCharsets.UTF_8)) + "}";
    }
}
