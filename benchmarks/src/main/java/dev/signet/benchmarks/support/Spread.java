// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and range of a few repeated measurements: what the README quotes. */
public final class Spread {

    private Spread() {
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {@code median [min-max]}, formatted with the given pattern. */
    public static String format(List<Double> values, String pattern) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double min = Arrays.stream(v).min().orElse(Double.NaN);
        double max = Arrays.stream(v).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, pattern + " [" + pattern + "-" + pattern + "]", median(values), min, max);
    }
}
