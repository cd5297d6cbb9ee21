// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.server;

import dev.signet.provider.testing.SignetTestServer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark server, in its own JVM: the provider's proven embedded stack (Weld SE, then Grizzly's
 * servlet container and Jersey on 127.0.0.1) serving {@link BenchResource}. Prints its base URI on one
 * line, then serves until its standard input closes, so it dies with the JVM that started it.
 * Every {@code -Dsignet.*} system property of this JVM is passed to the server as a setting.
 * Run from {@code target/classes:target/lib/*}, not the shaded jar (Weld discovers beans per jar).
 */
public final class ServerMain {

    public static final String READY = "SIGNET-SERVER ";

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        // The test server reads its settings from the map it is given, not from system properties: pass on every
        // -Dsignet.* of this JVM (max body size, rate limit), or they would silently not apply.
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("signet."))
                .forEach(n -> settings.put(n, System.getProperty(n)));
        System.err.println("signet settings: " + settings);
        SignetTestServer server = SignetTestServer.start(settings, null, BenchResource.class);
        System.out.println(READY + server.baseUri());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to go
        }
        server.close();
        System.exit(0);
    }
}
