// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Keeps the demo's terminal output readable: the libraries under it (Weld, Jersey, Grizzly, Infinispan)
 * announce themselves at INFO on every start, which would bury the table. Warnings still show. A user's
 * own {@code java.util.logging.config.file} wins.
 */
final class DemoLogging {

    private static final String CONFIG = "demo-logging.properties";

    private DemoLogging() {
    }

    static void quietLibraries() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream config = DemoLogging.class.getResourceAsStream(CONFIG)) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
