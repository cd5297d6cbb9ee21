// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTopLevelStringsTest {

    @Test
    void readsTheTopLevelStringsAndSkipsEveryOtherValue() {
        String envelope = "{\"version\":\"1.3.0\",\"timestamp\":1709337600000,\"success\":false,"
                + "\"code\":\"GA2013\",\"message\":\"TIMESTAMP_EXPIRED\",\"data\":null,"
                + "\"nested\":{\"code\":\"other\",\"list\":[1,-2.5e3,true,\"x\",{}]}}";

        assertEquals(Optional.of(Map.of("version", "1.3.0", "code", "GA2013", "message", "TIMESTAMP_EXPIRED")),
                JsonTopLevelStrings.read(envelope));
    }

    @Test
    void decodesEscapes() {
        assertEquals(Optional.of(Map.of("detail", "Timestamp \"out\" of range/é")),
                JsonTopLevelStrings.read(" {\"detail\" : \"Timestamp \\\"out\\\" of range\\/\\u00e9\"} \n"));
    }

    @Test
    void anythingButOneWellFormedObjectGivesNothing() {
        for (String bad : new String[] {"", "null", "[]", "{\"detail\":\"a\"} trailing", "{\"detail\":\"a\",}",
                "{\"detail\":\"a\",\"detail\":\"b\"}", "{\"detail\":\"unterminated}", "{\"a\":tru}",
                "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "{\"a\":\"\\x\"}", "{\"a\":-}"}) {
            assertEquals(Optional.empty(), JsonTopLevelStrings.read(bad), bad);
        }
    }
}
