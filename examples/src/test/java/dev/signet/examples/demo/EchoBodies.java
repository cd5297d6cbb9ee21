// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Echo answers in tests: the {@code served} id, which differs each run, apart from the rest. */
final class EchoBodies {

    private static final Pattern SERVED = Pattern.compile(
            ",\"served\":\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"}$");

    private EchoBodies() {
    }

    /** The answer's {@code served} id, failing when the answer does not end with one. */
    static String served(String echo) {
        Matcher m = SERVED.matcher(echo);
        assertTrue(m.find(), "no served id at the end of " + echo);
        return m.group(1);
    }

    /** The answer as {@link EchoReply#json} would write it with {@code served} left out. */
    static String withoutServed(String echo) {
        Matcher m = SERVED.matcher(echo);
        assertTrue(m.find(), "no served id at the end of " + echo);
        return echo.substring(0, m.start()) + "}";
    }

    /** {@link EchoReply#json} without {@code served}, for comparing with {@link #withoutServed}. */
    static String expected(String keyId, String method, String rawPath, byte[] body) {
        return withoutServed(EchoReply.json(keyId, method, rawPath, body));
    }
}
