// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.LogCapture;
import dev.signet.provider.testing.SignetTestServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** At start, one INFO log lists every resource method, signed or not, with its scheme and scopes. */
class StartupTableTest {

    @Test
    void oneInfoLogListsEveryResourceMethodSignedOrNot() throws InterruptedException {
        try (LogCapture logs = new LogCapture();
                SignetTestServer server = SignetTestServer.start(Map.of("signet.scheme", "canonical"), null, EchoResource.class)) {
            Optional<String> table = Optional.empty();
            for (int i = 0; i < 200 && table.isEmpty(); i++) { // up to 20 s: the table follows a 2 s quiet period
                Thread.sleep(100);
                table = logs.lines().stream().filter(l -> l.contains("Signet endpoints (") && l.contains("EchoResource")).findFirst();
            }
            String text = table.orElseThrow(() -> new AssertionError("no start-up table logged"));
            assertTrue(text.contains("INFO"), text);
            assertTrue(text.matches("(?s).*GET\\s+/open\\s+NOT SIGNED\\s+EchoResource\\.open\\(\\).*"), text);
            assertTrue(text.matches("(?s).*GET\\s+/default/get\\s+canonical \\[items:read\\]\\s+EchoResource\\.getDefaultScheme\\(\\).*"), text);
            assertTrue(text.matches("(?s).*POST\\s+/canonical-nonce/post\\s+canonical-nonce \\[items:write\\].*"), text);
            assertTrue(logs.lines().stream().filter(l -> l.contains("Signet endpoints (") && l.contains("EchoResource")).count() == 1,
                    "logged once");
        }
    }
}
