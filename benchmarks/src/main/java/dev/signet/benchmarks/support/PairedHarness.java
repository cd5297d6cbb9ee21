// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.support;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a floor and a measured path in turns in one JVM, so both halves of every ratio share the same
 * fraction of a second of a shared machine (issue 17's method for the micro benchmarks). Every case warms up
 * round robin until steady, is calibrated to about {@code batchMs} of thread CPU per side, then runs
 * {@code pairs} pairs, the order alternating (floor first in odd pairs). A ratio per pair; the verdict is the
 * median over the pairs. Time is the thread's CPU time, so the time a neighbour holds the CPU is not counted
 * on either side; wall-clock ratios are kept beside it.
 */
public final class PairedHarness {

    /** One case: both sides, ready to run; every run reports its CPU ns and bytes allocated per operation. */
    public interface PairedCase {

        /** Fresh inputs (a new timestamp or nonce), called outside the timed batches. */
        void refresh();

        /** Runs {@code ops} floor operations: returns wall ns/op, sets {@code out[0]} B/op and {@code out[1]} CPU ns/op. */
        double floor(int ops, double[] out);

        /** As {@link #floor}, for the measured path; throws when it refuses what it must accept. */
        double measured(int ops, double[] out);

        String label();
    }

    /** What the pairs of one case measured. */
    public static final class Measured {
        public final List<Double> floorNs = new ArrayList<>();
        public final List<Double> measuredNs = new ArrayList<>();
        public final List<Double> ratios = new ArrayList<>();
        public final List<Double> wallRatios = new ArrayList<>();
        public final List<Double> floorBytes = new ArrayList<>();
        public final List<Double> measuredBytes = new ArrayList<>();
    }

    /** The run's shape: pairs, warm-up bounds and batch lengths. */
    public record Settings(int pairs, int warmupSeconds, int warmupMaxSeconds, int batchMs, int warmBatchMs) {

        public static Settings from(String[] args, int pairs, int warmupSeconds) {
            return new Settings(Options.intOption(args, "--pairs", pairs), Options.intOption(args, "--warmup-s", warmupSeconds),
                    Options.intOption(args, "--warmup-max-s", 60), Options.intOption(args, "--batch-ms", 100),
                    Options.intOption(args, "--warm-batch-ms", 40));
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private PairedHarness() {
    }

    /** Bytes this thread has allocated so far. */
    public static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** This thread's CPU time: what it ran, not the time the neighbours' builds held the CPU. */
    public static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Warms up, calibrates and runs the pairs, printing the rule and every pair to {@code log}. */
    public static List<Measured> run(List<? extends PairedCase> cases, Settings s, String measuredName, PrintStream log) {
        log.printf(Locale.ROOT, "warm-up rule: all cases round robin, each side about %d ms of CPU per round, at least %d s, until, for every"
                + " case, the median of its last 3 %s batches (CPU ns/op) is within 5%% of the median of the 3 before, at most %d s%n",
                s.warmBatchMs(), s.warmupSeconds(), measuredName, s.warmupMaxSeconds());
        log.println("load before: " + Machine.loadAverage());
        int n = cases.size();
        int[] floorOps = new int[n];
        int[] measuredOps = new int[n];
        List<List<Double>> recent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            recent.add(new ArrayList<>());
            floorOps[i] = 20;
            measuredOps[i] = 20;
        }
        double[] out = new double[2];
        long warmStart = System.nanoTime();
        long warmMin = warmStart + s.warmupSeconds() * 1_000_000_000L;
        long warmMax = warmStart + s.warmupMaxSeconds() * 1_000_000_000L;
        int rounds = 0;
        boolean steady = false;
        while (System.nanoTime() < warmMax && !steady) {
            rounds++;
            for (int i = 0; i < n; i++) {
                PairedCase c = cases.get(i);
                c.refresh();
                c.floor(floorOps[i], out);
                floorOps[i] = ops(s.warmBatchMs(), out[1]);
                c.measured(measuredOps[i], out);
                measuredOps[i] = ops(s.warmBatchMs(), out[1]);
                recent.get(i).add(out[1]);
            }
            steady = System.nanoTime() >= warmMin && recent.stream().allMatch(PairedHarness::steady);
        }
        log.printf(Locale.ROOT, "warm-up: %s after %.1f s, %d rounds; last %s CPU ns/op per case:", steady ? "STEADY" : "NOT STEADY (cap reached)",
                (System.nanoTime() - warmStart) / 1e9, rounds, measuredName);
        for (List<Double> r : recent) {
            log.printf(Locale.ROOT, " %.0f", r.get(r.size() - 1));
        }
        log.println();
        for (int i = 0; i < n; i++) { // calibrate each side to about batchMs of CPU
            PairedCase c = cases.get(i);
            c.refresh();
            c.floor(floorOps[i], out);
            floorOps[i] = ops(s.batchMs(), out[1]);
            c.measured(measuredOps[i], out);
            measuredOps[i] = ops(s.batchMs(), out[1]);
        }
        List<Measured> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new Measured());
        }
        for (int pair = 0; pair < s.pairs(); pair++) {
            boolean floorFirst = pair % 2 == 0;
            for (int i = 0; i < n; i++) {
                PairedCase c = cases.get(i);
                c.refresh();
                double[] fo = new double[2];
                double[] mo = new double[2];
                double f;
                double m;
                if (floorFirst) {
                    f = c.floor(floorOps[i], fo);
                    m = c.measured(measuredOps[i], mo);
                } else {
                    m = c.measured(measuredOps[i], mo);
                    f = c.floor(floorOps[i], fo);
                }
                Measured r = results.get(i);
                r.wallRatios.add(m / f);
                r.floorNs.add(fo[1]);
                r.measuredNs.add(mo[1]);
                r.ratios.add(mo[1] / fo[1]);
                r.floorBytes.add(fo[0]);
                r.measuredBytes.add(mo[0]);
                log.printf(Locale.ROOT, "pair %2d %s %s | floor cpu %9.1f wall %9.1f ns/op %6.0f B/op | %s cpu %9.1f wall %9.1f ns/op %6.0f B/op"
                        + " | ratio cpu %.3f wall %.3f%n", pair + 1, floorFirst ? "F>M" : "M>F", c.label(), fo[1], f, fo[0], measuredName,
                        mo[1], m, mo[0], mo[1] / fo[1], m / f);
            }
        }
        log.println("load after: " + Machine.loadAverage());
        return results;
    }

    /** The summary row's measured columns: floor and measured ns/op, CPU and wall ratios, B/op, verdict. */
    public static String row(Measured r, double target) {
        double ratio = Spread.median(r.ratios);
        return String.format(Locale.ROOT, "%s | %s | **%s** | %s | %.0f / %.0f | %s |", Spread.format(r.floorNs, "%.0f"),
                Spread.format(r.measuredNs, "%.0f"), Spread.format(r.ratios, "%.2f"), Spread.format(r.wallRatios, "%.2f"),
                Spread.median(r.floorBytes), Spread.median(r.measuredBytes), ratio <= target ? "met" : "missed");
    }

    private static boolean steady(List<Double> batches) {
        int n = batches.size();
        return n >= 6 && Math.abs(Spread.median(batches.subList(n - 3, n)) / Spread.median(batches.subList(n - 6, n - 3)) - 1) <= 0.05;
    }

    private static int ops(int ms, double cpuNsPerOp) {
        return Math.max(5, (int) (ms * 1e6 / Math.max(1.0, cpuNsPerOp)));
    }
}
