// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.memory;

import static dev.signet.benchmarks.support.Options.intOption;

import dev.signet.benchmarks.support.Machine;
import dev.signet.core.internal.verification.ReplayCacheKey;
import dev.signet.provider.replay.InfinispanNonceStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Memory per live replay entry in the local cache ({@link InfinispanNonceStore#local()}): the heap in use
 * after a full GC, before and after {@code --entries} never-seen replay keys were put with canonical-nonce's
 * lifespan (125 s, so none expires during the run), divided by the number of entries. The keys are made by
 * the pipeline's own {@link ReplayCacheKey}, so the figure includes the key string each entry holds, as a
 * server's does.
 *
 * <p>Run with a fixed heap ({@code -Xms2g -Xmx2g}) so the measurement is not a heap resize. Options:
 * {@code --entries 1000000 --repeats 3}.
 */
public final class ReplayEntryMemory {

    private ReplayEntryMemory() {
    }

    public static void main(String[] args) throws Exception {
        int entries = intOption(args, "--entries", 1_000_000);
        int repeats = intOption(args, "--repeats", 3);
        System.out.println(Machine.describe());
        for (int r = 1; r <= repeats; r++) {
            try (InfinispanNonceStore store = InfinispanNonceStore.local()) {
                store.putIfAbsent("warm", Duration.ofSeconds(125));
                long before = usedAfterGc();
                long start = System.nanoTime();
                for (int i = 0; i < entries; i++) {
                    String key = ReplayCacheKey.of("canonical-nonce", "key-bench", Integer.toString(i * 31 + r));
                    if (!store.putIfAbsent(key, Duration.ofSeconds(125))) {
                        throw new IllegalStateException("a fresh key was refused at " + i);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long after = usedAfterGc();
                System.out.printf(Locale.ROOT, "repeat %d: %d entries (store size %d) in %.1f s; heap after GC %d -> %d bytes: %.1f bytes per entry"
                        + " (target <= 200: %s)%n", r, entries, store.size(), seconds, before, after, (after - before) / (double) entries,
                        (after - before) / (double) entries <= 200 ? "met" : "missed");
            }
        }
        System.out.println("load after: " + Machine.loadAverage());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
