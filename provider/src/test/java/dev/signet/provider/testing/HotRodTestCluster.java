// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What an Infinispan Server cluster is to Signet, started by the tests on loopback: {@code n} JVMs of their
 * own ({@link HotRodServerMain}), each a cache manager clustered with the others over JGroups TCP, with the
 * caches the README tells operators to define ({@code infinispan-server/signet-caches.xml}), behind a Hot Rod
 * endpoint ({@code infinispan-server-hotrod}, the endpoint the Infinispan Server distribution runs). A node's
 * endpoint can be stopped and started again while the node keeps its data; a node can be killed
 * ({@code kill -9}: {@link Process#destroyForcibly()}, its data gone with it) and started again on the same
 * ports, joining whatever is left of the cluster. Output goes to {@code target/hotrod-servers/NAME.log}.
 */
public final class HotRodTestCluster implements AutoCloseable {

    public static final String SERVER_XML = "infinispan-server/signet-caches.xml";

    private final String cluster = "signet-hotrod-" + System.nanoTime();
    private final List<Integer> jgroupsPorts = new ArrayList<>();
    private final List<Integer> hotRodPorts = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private int starts;

    private HotRodTestCluster() {
    }

    /** A server process, the pipe its commands go down, and the answers that come back. */
    private static final class Node {
        final Process process;
        final Writer commands;
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        Node(Process process) {
            this.process = process;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }
    }

    /** Starts {@code size} server JVMs at once and waits until each serves Hot Rod. */
    public static HotRodTestCluster start(int size) {
        HotRodTestCluster cluster = new HotRodTestCluster();
        try {
            for (int i = 0; i < size; i++) {
                cluster.jgroupsPorts.add(LoopbackPorts.freeWithOffset(50));
                cluster.hotRodPorts.add(LoopbackPorts.free());
                cluster.nodes.add(null);
            }
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                started.add(cluster.launch(i));
            }
            for (CompletableFuture<Void> s : started) {
                s.join();
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private synchronized CompletableFuture<Void> launch(int i) {
        String name = "hotrod-" + i + "-" + (++starts);
        String hosts = jgroupsPorts.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-Djgroups.bind.address=127.0.0.1", "-cp", System.getProperty("java.class.path"),
                HotRodServerMain.class.getName(), name, String.valueOf(jgroupsPorts.get(i)), hosts, cluster,
                String.valueOf(hotRodPorts.get(i)));
        try {
            Path logs = Path.of("target", "hotrod-servers");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Node node = new Node(new ProcessBuilder(command).redirectErrorStream(true).start());
            nodes.set(i, node);
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(node, log, ready), name + "-output");
            pump.setDaemon(true);
            pump.start();
            return ready.orTimeout(120, TimeUnit.SECONDS).exceptionally(e -> {
                node.process.destroyForcibly();
                throw new IllegalStateException("Hot Rod server " + name + " did not start; see " + log.toAbsolutePath(), e);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(Node node, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.process.getInputStream(), StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                if (line.startsWith(HotRodServerMain.READY)) {
                    ready.complete(null);
                } else if (line.startsWith(HotRodServerMain.ANSWER)) {
                    node.answers.add(line.substring(HotRodServerMain.ANSWER.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("server output ended before it served"));
    }

    /** {@code hotrod://127.0.0.1:p1,127.0.0.1:p2}, plus {@code query} when not empty. */
    public String uri(String query) {
        return "hotrod://" + hotRodPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
                + (query.isEmpty() ? "" : "?" + query);
    }

    private synchronized String ask(int i, String command) {
        Node node = nodes.get(i);
        if (node == null || !node.process.isAlive()) {
            throw new IllegalStateException("Hot Rod server " + i + " is not running");
        }
        try {
            node.commands.write(command + "\n");
            node.commands.flush();
            String answer = node.answers.poll(60, TimeUnit.SECONDS);
            if (answer == null || answer.startsWith("error ") || answer.startsWith("unknown ")) {
                throw new IllegalStateException("Hot Rod server " + i + ": " + command + " -> " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops node {@code i}'s Hot Rod endpoint; the node stays in the cluster with its data. */
    public void stopEndpoint(int i) {
        ask(i, "stop-endpoint");
    }

    /** Starts endpoint {@code i} again on its port, over the same node (its data kept). */
    public void startEndpoint(int i) {
        ask(i, "start-endpoint");
    }

    /** {@code kill -9} of node {@code i}'s JVM: no goodbye to the cluster nor to the clients; its data is gone. */
    public void kill(int i) {
        Node node = nodes.get(i);
        node.process.destroyForcibly();
        try {
            if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Hot Rod server " + i + " still alive 30 s after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts node {@code i} again, a new JVM on the same ports, and waits until it serves. */
    public void restart(int i) {
        Node node = nodes.get(i);
        if (node != null && node.process.isAlive()) {
            throw new IllegalStateException("Hot Rod server " + i + " is still running");
        }
        launch(i).join();
    }

    public long pid(int i) {
        return nodes.get(i).process.pid();
    }

    public int size() {
        return nodes.size();
    }

    /** The number of entries node {@code i} holds in {@code cache}. */
    public int cacheSize(int i, String cache) {
        return Integer.parseInt(ask(i, "size " + cache));
    }

    /** Whether node {@code i} holds {@code key} (a string without spaces) in {@code cache}. */
    public boolean contains(int i, String cache, String key) {
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key without spaces: " + key);
        }
        return Boolean.parseBoolean(ask(i, "contains " + cache + " " + key));
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>();
        for (Node node : nodes) {
            if (node != null && node.process.isAlive()) {
                try {
                    node.commands.close(); // end of input: the node stops gracefully
                } catch (IOException ignored) {
                    // destroyed below if it does not end
                }
                running.add(node.process);
            }
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
