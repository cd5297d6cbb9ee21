// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.body;

import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.support.Machine;
import dev.signet.benchmarks.support.Spread;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.provider.internal.body.BodyReader;
import dev.signet.provider.internal.body.CapturedBody;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section 2, paired: raw {@code MessageDigest} SHA-256 and the server's body path ({@link BodyReader}: hash
 * while reading, keep up to the 64 KiB spool threshold in memory, spool the rest to a temp file in the named
 * directory, delete it on close) over the same bytes.
 *
 * <p>Each repetition is one pair: the raw side first, then the body path, so the raw side never runs right
 * after a spool file was written, closed and deleted; before each pair the harness sleeps {@code --settle-ms}
 * so the kernel's write-back of the previous pair's spool file (on a disk-backed directory) is not on the raw
 * side's clock. The ratio per pair is raw time / body-path time (throughput of the path over raw); a path that
 * hashes and also writes cannot exceed 1 except by noise. Both wall-clock and thread CPU time (user + system,
 * so a write to tmpfs is counted; a disk's asynchronous write-back is not) are printed per side; the load
 * average before and after.
 *
 * <p>With several sizes, a line is fitted through the median times of each side against body size: its slope
 * (seconds per byte) is each side's line rate, and the path's slope over SHA-256's says whether verification
 * stays linear at the hash's rate.
 *
 * <p>Options: {@code --dir /dev/shm --sizes 67108864 --reps 30 --warmup 5 --settle-ms 200}.
 */
public final class PairedBodyHashing {

    private PairedBodyHashing() {
    }

    public static void main(String[] args) throws Exception {
        int reps = intOption(args, "--reps", 30);
        int warmup = intOption(args, "--warmup", 5);
        int settleMs = intOption(args, "--settle-ms", 200);
        Path dir = Path.of(stringOption(args, "--dir", System.getProperty("java.io.tmpdir")));
        String sizes = stringOption(args, "--sizes", "67108864");
        BodyReader reader = new BodyReader(2L * 1024 * 1024 * 1024, 64 * 1024, dir);
        System.out.println(Machine.describe());
        System.out.println("spool directory " + dir.toAbsolutePath() + ", file store type " + Files.getFileStore(dir).type()
                + " (" + Files.getFileStore(dir).name() + "); spool threshold 64 KiB; settle " + settleMs + " ms before each pair;"
                + " heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024) + " MiB max");
        System.out.println("load before: " + Machine.loadAverage());
        List<double[]> line = new ArrayList<>(); // size, raw s, path s
        for (String sizeText : sizes.split(",", 0)) {
            int size = Integer.parseInt(sizeText.trim());
            byte[] bytes = Fixtures.body(size);
            // About 50 ms of hashing per side per pair for small bodies; one operation for large ones.
            int ops = (int) Math.max(1, Math.min(50_000, 50_000_000L / Math.max(size, 1)));
            List<Double> rawMbs = new ArrayList<>();
            List<Double> pathMbs = new ArrayList<>();
            List<Double> rawS = new ArrayList<>();
            List<Double> pathS = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            List<Double> rawCpuS = new ArrayList<>();
            List<Double> pathCpuS = new ArrayList<>();
            for (int rep = -warmup; rep < reps; rep++) {
                Thread.sleep(settleMs);
                double[] cpu = new double[2];
                double raw = time(() -> MessageDigest.getInstance("SHA-256").digest(bytes), ops, cpu, 0);
                double path = time(() -> read(reader, bytes), ops, cpu, 1);
                if (rep >= 0) {
                    rawMbs.add(size / raw / 1e6);
                    pathMbs.add(size / path / 1e6);
                    rawS.add(raw);
                    pathS.add(path);
                    ratios.add(raw / path);
                    cpuRatios.add(cpu[0] / cpu[1]);
                    rawCpuS.add(cpu[0]);
                    pathCpuS.add(cpu[1]);
                    System.out.printf(Locale.ROOT, "size %d pair %2d: raw %.2f ms (%.0f MB/s) cpu %.2f ms | body path %.2f ms (%.0f MB/s) cpu %.2f ms"
                            + " | path/raw throughput wall %.3f cpu %.3f%n", size, rep + 1, raw * 1e3, size / raw / 1e6, cpu[0] * 1e3,
                            path * 1e3, size / path / 1e6, cpu[1] * 1e3, raw / path, cpu[0] / cpu[1]);
                }
            }
            line.add(new double[] {size, Spread.median(rawS), Spread.median(pathS), Spread.median(rawCpuS), Spread.median(pathCpuS)});
            System.out.printf(Locale.ROOT, "SUMMARY size %d B, %d ops per side per pair, median [min-max] of %d pairs:%n", size, ops, reps);
            System.out.printf(Locale.ROOT, "  raw MessageDigest MB/s %s%n", Spread.format(rawMbs, "%.0f"));
            System.out.printf(Locale.ROOT, "  body path         MB/s %s%n", Spread.format(pathMbs, "%.0f"));
            System.out.printf(Locale.ROOT, "  body path / raw, wall  %s   (target >= 0.80 at 64 MiB: %s)%n", Spread.format(ratios, "%.3f"),
                    Spread.median(ratios) >= 0.80 ? "met" : "missed");
            System.out.printf(Locale.ROOT, "  body path / raw, CPU   %s   (thread CPU time, user + system: %s)%n", Spread.format(cpuRatios, "%.3f"),
                    Spread.median(cpuRatios) >= 0.80 ? "met" : "missed");
        }
        if (line.size() >= 2) {
            for (int[] columns : new int[][] {{1, 2}, {3, 4}}) {
                double rawSlope = slope(line, columns[0]);
                double pathSlope = slope(line, columns[1]);
                System.out.printf(Locale.ROOT, "LINE (%s) least squares over the median times per size: raw SHA-256 %.3f ns/B (%.0f MB/s), body path %.3f ns/B"
                        + " (%.0f MB/s), path slope / raw slope %.3f (target within 20%%: %s)%n", columns[0] == 1 ? "wall" : "thread CPU",
                        rawSlope * 1e9, 1e-6 / rawSlope, pathSlope * 1e9, 1e-6 / pathSlope, pathSlope / rawSlope,
                        pathSlope / rawSlope <= 1.2 ? "met" : "missed");
            }
            for (double[] p : line) {
                System.out.printf(Locale.ROOT, "  %d B: raw %.6f ms (cpu %.6f), path %.6f ms (cpu %.6f)%n", (long) p[0], p[1] * 1e3, p[3] * 1e3,
                        p[2] * 1e3, p[4] * 1e3);
            }
        }
        System.out.println("load after: " + Machine.loadAverage());
    }

    private static double slope(List<double[]> points, int column) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[column];
            sxx += p[0] * p[0];
            sxy += p[0] * p[column];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @SuppressWarnings("try") // body is opened to be kept and closed, as the server does; the hash is the result
    private static Object read(BodyReader reader, byte[] bytes) throws Exception {
        // The server's body path: the scheme's hash is the sink the bytes pass through while they are kept.
        BodyHash.Hasher hasher = BodyHash.hasher();
        try (CapturedBody body = reader.read(new ByteArrayInputStream(bytes), bytes.length, hasher::update).orElseThrow()) {
            return hasher.finish();
        }
    }

    interface Op {
        Object run() throws Exception;
    }

    static volatile Object sink;

    /** Wall seconds per operation; the thread's CPU seconds per operation go to {@code cpu[slot]}. */
    private static double time(Op op, int ops, double[] cpu, int slot) throws Exception {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink = op.run();
        }
        long end = System.nanoTime();
        cpu[slot] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 / ops;
        return (end - start) / 1e9 / ops;
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
}
