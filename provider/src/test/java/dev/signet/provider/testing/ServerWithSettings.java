package dev.signet.provider.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts a test server with some Signet settings as system properties, the way an operator sets them,
 * and restores the previous values when closed. Settings are read once, when the server starts.
 */
public final class ServerWithSettings implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();
    private final SignetTestServer server;

    public ServerWithSettings(Map<String, String> settings, Class<?>... resources) {
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        SignetTestServer started;
        try {
            started = SignetTestServer.start(resources);
        } finally {
            restore();
        }
        this.server = started;
    }

    public SignetTestServer server() {
        return server;
    }

    private void restore() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Override
    public void close() {
        server.close();
    }
}
