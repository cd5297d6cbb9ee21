// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.cluster;

import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.server.ChildJvm;
import dev.signet.benchmarks.support.Latencies;
import dev.signet.benchmarks.support.Spread;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.replay.NonceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Section 5: replay checks per second through {@link InfinispanNonceStore}, clustered (two JVMs, a
 * replicated synchronous cache over JGroups on loopback) beside local, with 1, 8 and 64 concurrent
 * callers. One replay check is what the filter does per accepted request: {@code contains} then
 * {@code putIfAbsent} of a never-seen key with canonical-nonce's lifespan (2 x 60 s + 5 s).
 *
 * <p>The peer JVM is launched first; this JVM then joins with the same XML, and waits for the peer to
 * see two members. Local and clustered runs alternate per round; each local run gets a fresh local store
 * so it does not grow across runs. Run with {@code -Djgroups.bind.address=127.0.0.1
 * -Djava.net.preferIPv4Stack=true}.
 *
 * <p>Options: {@code --callers 1,8,64 --rounds 3 --warmup 1 --seconds 3}.
 */
public final class ClusterReplayBenchmark {

    static final String CONFIG = "signet-bench-cluster.xml";
    static final String CACHE = "signet-nonces";
    static final Duration LIFESPAN = Duration.ofSeconds(2 * 60 + 5);

    private ClusterReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = intOption(args, "--rounds", 3);
        int warmup = intOption(args, "--warmup", 1);
        int seconds = intOption(args, "--seconds", 3);
        String callersText = stringOption(args, "--callers", "1,8,64");
        System.setProperty("jgroups.tcp.port", "7900");

        try (ChildJvm peer = ChildJvm.launch(ClusterPeer.class.getName(),
                List.of("-Xmx512m", "-Djgroups.tcp.port=7901", "-Djgroups.bind.address=127.0.0.1",
                        "-Djava.net.preferIPv4Stack=true"),
                Path.of("target", "cluster-peer.log"))) {
            InfinispanNonceStore clustered = InfinispanNonceStore.fromXml(CONFIG, CACHE);
            try {
                peer.awaitReady(ClusterPeer.READY);
                System.out.println(peer.readyLine() + "; this node clustered: " + clustered.isClustered());
                ExecutorService pool = Executors.newFixedThreadPool(64);
                for (String c : callersText.split(",", 0)) {
                    int callers = Integer.parseInt(c.trim());
                    List<Double> localOps = new ArrayList<>();
                    List<Double> clusterOps = new ArrayList<>();
                    List<Double> localP50 = new ArrayList<>();
                    List<Double> localP99 = new ArrayList<>();
                    List<Double> clusterP50 = new ArrayList<>();
                    List<Double> clusterP99 = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        Run local;
                        Run cluster;
                        if (round % 2 == 0) {
                            local = runLocal(pool, callers, warmup, seconds);
                            cluster = run(clustered, pool, callers, warmup, seconds);
                        } else {
                            cluster = run(clustered, pool, callers, warmup, seconds);
                            local = runLocal(pool, callers, warmup, seconds);
                        }
                        localOps.add(local.opsPerSecond);
                        clusterOps.add(cluster.opsPerSecond);
                        localP50.add(local.p50);
                        localP99.add(local.p99);
                        clusterP50.add(cluster.p50);
                        clusterP99.add(cluster.p99);
                        System.out.printf(Locale.ROOT, "%d callers round %d: local %s | clustered %s%n",
                                callers, round + 1, local, cluster);
                    }
                    System.out.printf(Locale.ROOT, "SUMMARY %d callers, median [min-max] over %d rounds:%n", callers, rounds);
                    System.out.printf(Locale.ROOT, "  local     checks/s %s, p50 us %s, p99 us %s%n",
                            Spread.format(localOps, "%.0f"), Spread.format(localP50, "%.1f"), Spread.format(localP99, "%.1f"));
                    System.out.printf(Locale.ROOT, "  clustered checks/s %s, p50 us %s, p99 us %s%n",
                            Spread.format(clusterOps, "%.0f"), Spread.format(clusterP50, "%.1f"), Spread.format(clusterP99, "%.1f"));
                    System.out.printf(Locale.ROOT, "  added per request (clustered p50 - local p50): %.1f us%n",
                            Spread.median(clusterP50) - Spread.median(localP50));
                }
                pool.shutdownNow();
            } finally {
                clustered.close();
            }
        }
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
