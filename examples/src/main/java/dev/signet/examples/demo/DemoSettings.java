// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the demo server listens and where its keys come from. The launcher reads these from the
 * environment once; tests build them directly, so nothing in the demo reads the environment itself.
 *
 * @param host     the address to bind; loopback unless asked otherwise, so a demo is never exposed by accident
 * @param port     the port, or 0 for any free one
 * @param keysFile a JSON key file, or empty to generate keys for this run
 */
public record DemoSettings(String host, int port, Optional<Path> keysFile) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static final String PORT_VARIABLE = "SIGNET_DEMO_PORT";
    public static final String HOST_VARIABLE = "SIGNET_DEMO_HOST";
    public static final String KEYS_VARIABLE = "SIGNET_DEMO_KEYS";

    public DemoSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the demo host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the demo port must be 0 to 65535, not " + port);
        }
        Objects.requireNonNull(keysFile, "keysFile");
    }

    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_HOST, DEFAULT_PORT, Optional.empty());
    }

    /** {@code SIGNET_DEMO_HOST}, {@code SIGNET_DEMO_PORT} and {@code SIGNET_DEMO_KEYS}; unset or blank means the default. */
    public static DemoSettings fromEnvironment(Map<String, String> environment) {
        String host = value(environment, HOST_VARIABLE).orElse(DEFAULT_HOST);
        int port = value(environment, PORT_VARIABLE).map(DemoSettings::port).orElse(DEFAULT_PORT);
        return new DemoSettings(host, port, value(environment, KEYS_VARIABLE).map(Path::of));
    }

    public DemoSettings withPort(int newPort) {
        return new DemoSettings(host, newPort, keysFile);
    }

    public DemoSettings withKeysFile(Path file) {
        return new DemoSettings(host, port, Optional.of(file));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number, not '" + text + "'");
        }
    }
}
