// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.support;

import java.util.Arrays;

/** Latencies of one thread, in nanoseconds, kept whole (no bucketing) so percentiles are exact. */
public final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    public void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    /** All threads' latencies together, sorted. */
    public static long[] merged(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies l : all) {
            total += l.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies l : all) {
            System.arraycopy(l.values, 0, merged, at, l.size);
            at += l.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The nearest-rank percentile of sorted values, in microseconds. */
    public static double percentileMicros(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }
}
