// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.body;

import static dev.signet.benchmarks.support.Options.intOption;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.support.Spread;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.provider.internal.body.BodyReader;
import dev.signet.provider.internal.body.CapturedBody;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section 2 again, built for a noisy shared machine: raw SHA-256 and {@link BodyReader} take turns
 * (raw, reader, reader, raw, ...) within each repetition, so both halves of every ratio are measured in
 * the same second; the README quotes the median ratio and its range. The JMH benchmark
 * {@link BodyHashingBenchmark} runs each side in its own fork, minutes apart, which a neighbour's build
 * can skew by 2x.
 *
 * <p>Options: {@code --reps 15 --warmup 5}.
 */
public final class PairedBodyHashing {

    private PairedBodyHashing() {
    }

    public static void main(String[] args) throws Exception {
        int reps = intOption(args, "--reps", 15);
        int warmup = intOption(args, "--warmup", 5);
        BodyReader reader = new BodyReader(2L * 1024 * 1024 * 1024, 64 * 1024,
                Path.of(System.getProperty("java.io.tmpdir")));
        for (int size : new int[] {1024, 1024 * 1024, 64 * 1024 * 1024}) {
            byte[] bytes = Fixtures.body(size);
            // About 0.1 s of work per side per repetition.
            int ops = Math.max(1, (int) (40_000_000L / size));
            List<Double> rawMbs = new ArrayList<>();
            List<Double> readerMbs = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int rep = -warmup; rep < reps; rep++) {
                double raw;
                double read;
                if ((rep & 1) == 0) {
                    raw = time(() -> MessageDigest.getInstance("SHA-256").digest(bytes), ops);
                    read = time(() -> read(reader, bytes), ops);
                } else {
                    read = time(() -> read(reader, bytes), ops);
                    raw = time(() -> MessageDigest.getInstance("SHA-256").digest(bytes), ops);
                }
                if (rep >= 0) {
                    rawMbs.add(size / raw / 1e6);
                    readerMbs.add(size / read / 1e6);
                    ratios.add(raw / read);
                }
            }
            System.out.printf(Locale.ROOT, "size %d B, %d ops per side per rep, median [min-max] of %d reps:%n", size, ops, reps);
            System.out.printf(Locale.ROOT, "  raw MessageDigest MB/s %s%n", Spread.format(rawMbs, "%.0f"));
            System.out.printf(Locale.ROOT, "  BodyReader        MB/s %s%n", Spread.format(readerMbs, "%.0f"));
            System.out.printf(Locale.ROOT, "  BodyReader / raw       %s%n", Spread.format(ratios, "%.3f"));
        }
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

    /** Seconds per operation. */
    private static double time(Op op, int ops) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink = op.run();
        }
        return (System.nanoTime() - start) / 1e9 / ops;
    }
}
