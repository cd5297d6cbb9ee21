// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.support;

/** {@code --name value} command-line options of the load mains. */
public final class Options {

    private Options() {
    }

    public static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, String.valueOf(fallback)));
    }

    public static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
