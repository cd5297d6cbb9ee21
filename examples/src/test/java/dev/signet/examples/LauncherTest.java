// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.examples.testing.Captured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's main class: which command each first word runs, and how bad settings are reported. */
class LauncherTest {

    record Run(OptionalInt status, String out, String err) {
    }

    private static Run launch(Map<String, String> environment, String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        OptionalInt status = new Launcher(environment, out.stream(), err.stream()).run(args);
        return new Run(status, out.text(), err.text());
    }

    @Test
    void helpNamesEveryCommand() {
        Run run = launch(Map.of(), "--help");
        assertEquals(OptionalInt.of(0), run.status());
        for (String command : new String[] {"demo [--exit] [--no-client]", "serve", "client --url", "keygen | keys | sign | explain"}) {
            assertTrue(run.out().contains(command), run.out());
        }
    }

    @Test
    void theToolsCommandsRunTheTool(@TempDir Path directory) {
        Path keys = directory.resolve("keys.json");
        Run run = launch(Map.of(), "keygen", "--keys", keys.toString());
        assertEquals(OptionalInt.of(0), run.status(), run.err());
        assertTrue(Files.exists(keys));
        assertTrue(launch(Map.of(), "help").out().startsWith("usage: signet COMMAND"));
    }

    @Test
    void aBadPortVariableIsReportedByNameWithoutStartingAnything() {
        Run run = launch(Map.of("SIGNET_DEMO_PORT", "http"), "demo", "--exit");
        assertEquals(OptionalInt.of(2), run.status());
        assertTrue(run.err().contains("SIGNET_DEMO_PORT must be a port number"), run.err());
    }

    @Test
    void aMissingKeyFileIsReportedWithoutAStackTrace(@TempDir Path directory) {
        Run run = launch(Map.of("SIGNET_DEMO_KEYS", directory.resolve("absent.json").toString(), "SIGNET_DEMO_PORT", "0"),
                "demo", "--exit");
        assertEquals(OptionalInt.of(2), run.status());
        assertTrue(run.err().contains("cannot read key file"), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = launch(Map.of(), "deploy");
        assertEquals(OptionalInt.of(2), run.status());
        assertTrue(run.err().contains("unknown command 'deploy'"), run.err());
    }
}
