// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.cluster;

import org.infinispan.manager.DefaultCacheManager;

/**
 * The second node of the cluster benchmark, in its own JVM: joins the replicated replay cache and holds
 * it until its standard input closes. Says "PEER-READY" once both nodes are in the view.
 */
public final class ClusterPeer {

    public static final String READY = "PEER-READY";

    private ClusterPeer() {
    }

    public static void main(String[] args) throws Exception {
        try (DefaultCacheManager manager = new DefaultCacheManager(ClusterReplayBenchmark.CONFIG)) {
            manager.getCache(ClusterReplayBenchmark.CACHE);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (manager.getMembers() == null || manager.getMembers().size() < 2) {
                if (System.nanoTime() > deadline) {
                    System.err.println("no second member after 120 s");
                    System.exit(2);
                }
                Thread.sleep(100);
            }
            System.out.println(READY + " members " + manager.getMembers());
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the cache until the benchmark goes
            }
        }
        System.exit(0);
    }
}
