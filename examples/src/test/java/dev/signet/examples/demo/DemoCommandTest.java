// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.examples.cli.UsageException;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README's first command runs, in-process, with --exit so it ends. */
class DemoCommandTest {

    @Test
    void theDemoPrintsTheServerTheKeysAndTheTableThenExitsZero() throws Exception {
        Captured out = new Captured();
        OptionalInt status = new DemoCommand(new DemoSettings("127.0.0.1", 0, Optional.empty()), new KeyGenerator(),
                out.stream()).run(List.of("--exit"));
        String text = out.text();
        assertEquals(OptionalInt.of(0), status, text);
        assertTrue(text.contains("Signet demo server: http://127.0.0.1:"), text);
        assertTrue(text.contains("preset            valid         tampered body"), text);
        assertTrue(text.contains("[1] accepted by design"), text);
    }

    @Test
    void aGeneratedSecretIsPrintedExactlyOnce() throws Exception {
        Captured out = new Captured();
        new DemoCommand(new DemoSettings("127.0.0.1", 0, Optional.empty()), new KeyGenerator(), out.stream())
                .run(List.of("--exit"));
        String text = out.text();
        Matcher secrets = Pattern.compile("secret (\\S{43})").matcher(text);
        int found = 0;
        while (secrets.find()) {
            found++;
            String secret = secrets.group(1);
            assertEquals(text.indexOf(secret), text.lastIndexOf(secret), "printed more than once: " + secret);
        }
        assertEquals(2, found, text);
    }

    @Test
    void exitWithoutTheClientIsAUsageError() {
        assertThrows(UsageException.class, () -> new DemoCommand(DemoSettings.defaults(), new KeyGenerator(),
                new Captured().stream()).run(List.of("--exit", "--no-client")));
    }
}
