// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.examples.testing.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar itself, run as a user runs it: it must start Weld, Jersey, Grizzly and Infinispan from
 * one flat jar, which no in-process test can show. Each run is bounded in time, so a hang fails the build
 * instead of stalling it.
 */
class DemoJarIT {

    static final Path JAR = Path.of(System.getProperty("signet.demo.jar", "target/signet-demo.jar"));
    static final Path SCRIPT = Path.of("signet");

    record Run(int status, String output) {
    }

    private static Run run(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 90 s: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void theJarRunsTheDemoAndEveryOutcomeIsAsDocumented() throws Exception {
        Run run = run(Map.of("SIGNET_DEMO_PORT", String.valueOf(FreePort.pick())), java("demo", "--exit"));
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("canonical-nonce   200 accepted  401 GA2012 SIGNATURE_INVALID"), run.output());
        assertTrue(!run.output().contains("(!)"), run.output());
        assertTrue(!run.output().contains("Exception"), run.output());
    }

    @Test
    void theJarServesTheKeysOfTheFileThatSignetKeygenWrote(@TempDir Path directory) throws Exception {
        Path keys = directory.resolve("keys.json");
        Run keygen = run(Map.of(), java("keygen", "--keys", keys.toString(), "--scope", "demo:read", "--scope", "demo:write"));
        assertEquals(0, keygen.status(), keygen.output());
        Run demo = run(Map.of("SIGNET_DEMO_PORT", String.valueOf(FreePort.pick()), "SIGNET_DEMO_KEYS", keys.toString()),
                java("demo", "--exit"));
        assertEquals(0, demo.status(), demo.output());
        assertTrue(demo.output().contains("Keys from " + keys), demo.output());
    }

    @Test
    void theSignetScriptRunsTheToolFromTheJar() throws Exception {
        Run help = run(Map.of("SIGNET_JAR", JAR.toAbsolutePath().toString()), List.of("sh", SCRIPT.toString(), "help"));
        assertEquals(0, help.status(), help.output());
        assertTrue(help.output().startsWith("usage: signet COMMAND"), help.output());
        Run none = run(Map.of("SIGNET_JAR", JAR.toAbsolutePath().toString()), List.of("sh", SCRIPT.toString()));
        assertEquals(2, none.status(), none.output());
        assertTrue(Files.isExecutable(SCRIPT), "examples/signet must be executable");
    }
}
