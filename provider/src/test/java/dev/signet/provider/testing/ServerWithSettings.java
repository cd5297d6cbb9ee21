// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.time.Clock;
import java.util.Map;

/**
 * A test server with some Signet settings, given to it as a CDI bean the way an application would; nothing
 * JVM-wide changes. Settings are read once, when the server starts.
 */
public final class ServerWithSettings implements AutoCloseable {

    private final SignetTestServer server;

    public ServerWithSettings(Map<String, String> settings, Class<?>... resources) {
        this(settings, null, resources);
    }

    public ServerWithSettings(Map<String, String> settings, Clock clock, Class<?>... resources) {
        this.server = SignetTestServer.start(settings, clock, resources);
    }

    public SignetTestServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
