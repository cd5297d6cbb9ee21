// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM on this machine with this JVM's class path: the server (or a cluster peer) gets its own heap
 * and GC, and can be given a heap limit such as {@code -Xmx64m}. Its stderr goes to a log file; its stdout
 * is read until a line starting with the expected marker.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final String mainClass;
    private final Path log;
    private volatile String readyLine;

    private ChildJvm(Process process, String mainClass, Path log) {
        this.process = process;
        this.mainClass = mainClass;
        this.log = log;
    }

    /** Starts the child and waits for its marker line. */
    public static ChildJvm start(String mainClass, List<String> jvmOptions, String marker, Path log) throws IOException {
        return start(List.of(), mainClass, jvmOptions, marker, log);
    }

    /**
     * As {@link #start(String, List, String, Path)}, the command run through {@code prefix}: e.g.
     * {@code taskset -c 1} to pin the child to a CPU of its own.
     */
    public static ChildJvm start(List<String> prefix, String mainClass, List<String> jvmOptions, String marker, Path log)
            throws IOException {
        ChildJvm child = launch(prefix, mainClass, jvmOptions, log);
        child.awaitReady(marker);
        return child;
    }

    /** Starts the child without waiting: for a peer that becomes ready only once this JVM has joined it. */
    public static ChildJvm launch(String mainClass, List<String> jvmOptions, Path log) throws IOException {
        return launch(List.of(), mainClass, jvmOptions, List.of(), log);
    }

    /** As {@link #launch(String, List, Path)}, with arguments for the child's {@code main}. */
    public static ChildJvm launch(String mainClass, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException {
        return launch(List.of(), mainClass, jvmOptions, arguments, log);
    }

    private static ChildJvm launch(List<String> prefix, String mainClass, List<String> jvmOptions, Path log) throws IOException {
        return launch(prefix, mainClass, jvmOptions, List.of(), log);
    }

    private static ChildJvm launch(List<String> prefix, String mainClass, List<String> jvmOptions, List<String> arguments,
            Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(prefix);
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        log.toAbsolutePath().getParent().toFile().mkdirs();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildJvm(process, mainClass, log);
    }

    /** Reads the child's stdout up to the line starting with {@code marker}, then drains the rest. */
    public void awaitReady(String marker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(marker)) {
                readyLine = line;
                // Keep draining stdout so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child went away
                    }
                }, "child-stdout");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException(mainClass + " exited before it was ready; see " + log);
    }

    /** The marker line, such as {@code SIGNET-SERVER http://127.0.0.1:port/ctx/api}. */
    public String readyLine() {
        return readyLine;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close(); // the child's signal to stop
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
