// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Signet test server in a JVM of its own (an application node): its own CDI container, its own
 * Infinispan, its own clock. Output goes to {@code target/child-servers/NAME.log}. {@link #close()}
 * stops it gracefully; {@link #kill()} is {@code kill -9}.
 */
public final class ChildServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI baseUri;

    private ChildServer(String name, Process process, URI baseUri) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
    }

    /**
     * Starts a node with these settings, JVM system properties ({@code -D}) and resources, and waits until
     * it serves.
     */
    public static ChildServer start(String name, Map<String, String> settings, Map<String, String> systemProperties,
            Class<?>... resources) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx160m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-Djgroups.bind.address=127.0.0.1");
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildServerMain.class.getName());
        settings.forEach((k, v) -> command.add(k + "=" + v));
        for (Class<?> resource : resources) {
            command.add("+" + resource.getName());
        }
        try {
            Path logs = Path.of("target", "child-servers");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, log, port), "child-" + name + "-output");
            pump.setDaemon(true);
            pump.start();
            try {
                int p = port.get(120, TimeUnit.SECONDS);
                return new ChildServer(name, process, URI.create("http://127.0.0.1:" + p + SignetTestServer.CONTEXT
                        + SignetTestServer.APPLICATION));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("child server " + name + " did not start; see " + log.toAbsolutePath(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                if (line.startsWith(ChildServerMain.READY)) {
                    port.complete(Integer.parseInt(line.substring(ChildServerMain.READY.length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("child output ended before it served"));
    }

    public URI baseUri() {
        return baseUri;
    }

    public SignedHttp http() {
        return new SignedHttp(baseUri);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the cluster. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
