// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What every log states next to its figures: when, which JVM, how many CPUs, and how busy the machine was. */
public final class Machine {

    private Machine() {
    }

    /** The first three fields of {@code /proc/loadavg} (1, 5 and 15 minute load averages), or "n/a". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 0);
            return f[0] + " " + f[1] + " " + f[2] + " (1/5/15 min, at " + Instant.now() + ")";
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** One line: date, JVM, CPUs this JVM may use (its affinity), load average. */
    public static String describe() {
        return "machine: " + Instant.now() + ", java " + System.getProperty("java.vm.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU(s) available to this JVM, load " + loadAverage();
    }
}
