// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GlassFish's bundled Derby, driven as an operator drives it: {@code asadmin start-database} /
 * {@code stop-database} on 127.0.0.1:1527 (the port GlassFish's DerbyPool, {@code jdbc/__default}, expects), and
 * SQL through the distribution's own {@code javadb/bin/ij}. The databases live in a folder under target/ that
 * each start empties, so every run begins without tables.
 */
final class BundledDerby {

    static final int PORT = 1527;
    /** The database behind DerbyPool, as the README's ij commands reach it. */
    static final String URL = "jdbc:derby://127.0.0.1:" + PORT + "/sun-appserv-samples;create=true;user=APP;password=APP";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path glassfishHome;
    private final Path home;
    private boolean running;

    BundledDerby(Path glassfishHome, Path home) {
        this.glassfishHome = glassfishHome;
        this.home = home;
    }

    static BundledDerby fromSystemProperties() {
        Path glassfishHome = Path.of(System.getProperty("glassfish.home"));
        return new BundledDerby(glassfishHome, glassfishHome.getParent().resolve("derby-home"));
    }

    void start() throws IOException, InterruptedException {
        // A Derby left running by an interrupted earlier run would hold the port: stop it first (a failure just
        // means nothing was running).
        run(false, asadmin("stop-database", "--dbhost", "127.0.0.1", "--dbport", String.valueOf(PORT)), null);
        deleteTree(home);
        Files.createDirectories(home);
        run(true, asadmin("start-database", "--dbhost", "127.0.0.1", "--dbport", String.valueOf(PORT),
                "--dbhome", home.toString()), null);
        running = true;
    }

    void stop() throws IOException, InterruptedException {
        if (running) {
            running = false;
            run(true, asadmin("stop-database", "--dbhost", "127.0.0.1", "--dbport", String.valueOf(PORT)), null);
        }
    }

    /**
     * Runs an ij script (read from standard input, as {@code ij <<EOF} in the README does) and answers ij's
     * output. ij exits 0 even when a statement fails, so any {@code ERROR} line fails here.
     */
    String ij(String script) throws IOException, InterruptedException {
        String output = run(true, List.of("sh", glassfishHome.resolve("javadb/bin/ij").toString()), script);
        if (output.contains("ERROR ")) {
            throw new IOException("ij reported an error:\n" + output);
        }
        return output;
    }

    private List<String> asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(glassfishHome.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        return command;
    }

    private String run(boolean mustSucceed, List<String> command, String input) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home.getParent(), "derby-command", ".log");
        try {
            // In target/: ij boots Derby's embedded engine too, which writes derby.log into the working directory.
            Process process = new ProcessBuilder(command).directory(home.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(command.size() > 2 ? 2 : 0) + " did not finish in "
                        + COMMAND_TIMEOUT_SECONDS + " s: " + Files.readString(log));
            }
            String output = Files.readString(log);
            if (mustSucceed && process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
