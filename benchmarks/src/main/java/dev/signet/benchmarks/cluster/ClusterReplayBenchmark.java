// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.cluster;

import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.server.ChildJvm;
import dev.signet.benchmarks.support.Latencies;
import dev.signet.benchmarks.support.Spread;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.internal.store.SignetStores;
import dev.signet.provider.replay.NonceStore;
import dev.signet.provider.settings.SignetSettings;
import dev.signet.provider.testing.HotRodServerMain;
import dev.signet.provider.testing.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Section 6: replay checks per second through the provider's replay stores, with 1, 8 and 64 concurrent
 * callers, in up to three topologies ({@code --topology local,clustered,hotrod}, all by default). One replay
 * check is what the filter does per accepted request: {@code contains} then {@code putIfAbsent} of a
 * never-seen key with canonical-nonce's lifespan (2 x 60 s + 5 s).
 *
 * <ul>
 * <li>local: {@link InfinispanNonceStore#local()}, fresh per run so it does not grow across runs.</li>
 * <li>clustered: two JVMs, a replicated synchronous cache over JGroups on loopback. The peer JVM is
 * launched first; this JVM then joins with the same XML, and waits for the peer to see two members.</li>
 * <li>hotrod: the remote store {@code signet.infinispan.hotrod-uri} selects ({@link SignetStores#from}),
 * against three Hot Rod servers in JVMs of their own (the provider's test {@link HotRodServerMain}: an
 * Infinispan cache manager with the README's server caches, replicated synchronously over JGroups TCP on
 * loopback, behind the Hot Rod endpoint of Infinispan Server). The servers start one after the other, so
 * each joins the cluster the previous ones formed.</li>
 * </ul>
 *
 * <p>Per caller count, each round runs every topology once, the order rotated by one each round (with two
 * topologies, they alternate). Run with {@code -Djgroups.bind.address=127.0.0.1
 * -Djava.net.preferIPv4Stack=true}.
 *
 * <p>Options: {@code --topology local,clustered,hotrod --callers 1,8,64 --rounds 3 --warmup 1 --seconds 3
 * --hotrod-servers 3}.
 */
public final class ClusterReplayBenchmark {

    static final String CONFIG = "signet-bench-cluster.xml";
    static final String CACHE = "signet-nonces";
    static final Duration LIFESPAN = Duration.ofSeconds(2 * 60 + 5);
    static final List<String> TOPOLOGIES = List.of("local", "clustered", "hotrod");
    private static final String HOTROD_READY = "SIGNET-HOTROD-READY ";

    private ClusterReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = intOption(args, "--rounds", 3);
        int warmup = intOption(args, "--warmup", 1);
        int seconds = intOption(args, "--seconds", 3);
        int hotRodServers = intOption(args, "--hotrod-servers", 3);
        String callersText = stringOption(args, "--callers", "1,8,64");
        List<String> topologies = new ArrayList<>();
        for (String t : stringOption(args, "--topology", String.join(",", TOPOLOGIES)).split(",", 0)) {
            String name = t.trim();
            if (!TOPOLOGIES.contains(name)) {
                throw new IllegalArgumentException("--topology takes " + TOPOLOGIES + ", not " + name);
            }
            topologies.add(name);
        }

        List<AutoCloseable> opened = new ArrayList<>(); // closed in reverse
        try {
            InfinispanNonceStore clustered = null;
            if (topologies.contains("clustered")) {
                System.setProperty("jgroups.tcp.port", "7900");
                ChildJvm peer = ChildJvm.launch(ClusterPeer.class.getName(),
                        List.of("-Xmx512m", "-Djgroups.tcp.port=7901", "-Djgroups.bind.address=127.0.0.1",
                                "-Djava.net.preferIPv4Stack=true"),
                        Path.of("target", "cluster-peer.log"));
                opened.add(peer);
                clustered = InfinispanNonceStore.fromXml(CONFIG, CACHE);
                opened.add(clustered);
                peer.awaitReady(ClusterPeer.READY);
                System.out.println(peer.readyLine() + "; this node clustered: " + clustered.isClustered());
            }
            NonceStore remote = null;
            if (topologies.contains("hotrod")) {
                String uri = startHotRodServers(hotRodServers, opened);
                SignetStores stores = SignetStores.from(SignetSettings.from(
                        name -> Optional.ofNullable(Map.of("signet.infinispan.hotrod-uri", uri).get(name))));
                opened.add(stores);
                remote = stores.nonces();
                System.out.println("hotrod: " + hotRodServers + " servers, " + stores.describe());
            }

            ExecutorService pool = Executors.newFixedThreadPool(64);
            for (String c : callersText.split(",", 0)) {
                int callers = Integer.parseInt(c.trim());
                Map<String, List<Run>> runs = new LinkedHashMap<>();
                topologies.forEach(t -> runs.put(t, new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    Map<String, Run> thisRound = new LinkedHashMap<>();
                    for (int i = 0; i < topologies.size(); i++) {
                        String topology = topologies.get((round + i) % topologies.size());
                        Run run = switch (topology) {
                            case "local" -> runLocal(pool, callers, warmup, seconds);
                            case "clustered" -> run(clustered, pool, callers, warmup, seconds);
                            default -> run(remote, pool, callers, warmup, seconds);
                        };
                        thisRound.put(topology, run);
                        runs.get(topology).add(run);
                    }
                    StringBuilder line = new StringBuilder();
                    for (String t : topologies) {
                        line.append(line.length() == 0 ? "" : " | ").append(t).append(' ').append(thisRound.get(t));
                    }
                    System.out.printf(Locale.ROOT, "%d callers round %d (first: %s): %s%n", callers, round + 1,
                            topologies.get(round % topologies.size()), line);
                }
                System.out.printf(Locale.ROOT, "SUMMARY %d callers, median [min-max] over %d rounds:%n", callers, rounds);
                for (String t : topologies) {
                    List<Run> r = runs.get(t);
                    System.out.printf(Locale.ROOT, "  %-9s checks/s %s, p50 us %s, p99 us %s%n", t,
                            Spread.format(r.stream().map(Run::opsPerSecond).toList(), "%.0f"),
                            Spread.format(r.stream().map(Run::p50).toList(), "%.1f"),
                            Spread.format(r.stream().map(Run::p99).toList(), "%.1f"));
                }
                if (runs.containsKey("local")) {
                    double localP50 = Spread.median(runs.get("local").stream().map(Run::p50).toList());
                    for (String t : topologies) {
                        if (!t.equals("local")) {
                            System.out.printf(Locale.ROOT, "  added per request (%s p50 - local p50): %.1f us%n", t,
                                    Spread.median(runs.get(t).stream().map(Run::p50).toList()) - localP50);
                        }
                    }
                }
            }
            pool.shutdownNow();
        } finally {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception e) {
                    System.err.println("closing " + opened.get(i) + ": " + e);
                }
            }
        }
    }

    /**
     * Starts {@code count} Hot Rod server JVMs one after the other (each joins the cluster of the previous
     * ones while it starts) and answers the {@code hotrod://} URI naming them all.
     */
    private static String startHotRodServers(int count, List<AutoCloseable> opened) throws Exception {
        List<Integer> jgroupsPorts = new ArrayList<>();
        List<Integer> hotRodPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jgroupsPorts.add(LoopbackPorts.freeWithOffset(50)); // FD_SOCK2 offset 50
            hotRodPorts.add(LoopbackPorts.free());
        }
        String hosts = jgroupsPorts.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        String cluster = "signet-bench-hotrod-" + System.nanoTime();
        for (int i = 0; i < count; i++) {
            ChildJvm server = ChildJvm.launch(HotRodServerMain.class.getName(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                            "-Djgroups.bind.address=127.0.0.1"),
                    List.of("bench-hotrod-" + i, String.valueOf(jgroupsPorts.get(i)), hosts, cluster,
                            String.valueOf(hotRodPorts.get(i))),
                    Path.of("target", "hotrod-server-" + i + ".log"));
            opened.add(server);
            server.awaitReady(HOTROD_READY);
        }
        return "hotrod://" + hotRodPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    record Run(double opsPerSecond, double p50, double p99) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f checks/s p50 %.1f us p99 %.1f us", opsPerSecond, p50, p99);
        }
    }

    private static Run runLocal(ExecutorService pool, int callers, int warmup, int seconds) throws Exception {
        try (InfinispanNonceStore local = InfinispanNonceStore.local()) {
            return run(local, pool, callers, warmup, seconds);
        }
    }

    private static final AtomicLong RUN_IDS = new AtomicLong();

    private static Run run(NonceStore store, ExecutorService pool, int callers, int warmup, int seconds) throws Exception {
        String prefix = "canonical-nonce\nbench\n" + RUN_IDS.incrementAndGet() + "-";
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong refused = new AtomicLong();
        List<Future<Latencies>> workers = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            String threadPrefix = prefix + t + "-";
            workers.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                long i = 0;
                long now;
                while ((now = System.nanoTime()) < end) {
                    String key = threadPrefix + i++;
                    // The filter's two calls for one accepted request.
                    boolean seen = store.contains(key);
                    boolean won = store.putIfAbsent(key, LIFESPAN);
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        latencies.record(done - now);
                        if (seen || !won) {
                            refused.incrementAndGet();
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Latencies> all = new ArrayList<>();
        for (Future<Latencies> w : workers) {
            all.add(w.get());
        }
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " fresh keys were refused as replays");
        }
        long[] sorted = Latencies.merged(all);
        return new Run(sorted.length / (double) seconds, Latencies.percentileMicros(sorted, 50),
                Latencies.percentileMicros(sorted, 99));
    }
}
