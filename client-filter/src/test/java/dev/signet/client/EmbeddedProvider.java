// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.provider.SignetFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The provider as a server for the client's tests: Weld SE, Grizzly's servlet container and Jersey with
 * {@link SignetFeature} on 127.0.0.1, serving one resource class. The settings are system properties while
 * it starts, as an operator's would be, and the previous values are back once it has.
 */
final class EmbeddedProvider implements AutoCloseable {

    private final WeldContainer weld;
    private final HttpServer http;
    private final Path keyFile;

    private EmbeddedProvider(WeldContainer weld, HttpServer http, Path keyFile) {
        this.weld = weld;
        this.http = http;
        this.keyFile = keyFile;
    }

    /** Serves {@code resource} with {@code settings}; {@code keyFile}, a temp file, is deleted on close. */
    static EmbeddedProvider start(Class<?> resource, Map<String, String> settings, Path keyFile) {
        Map<String, String> previous = new LinkedHashMap<>();
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            WeldContainer weld = new Weld().containerId("client-filter-" + System.nanoTime()).initialize();
            HttpServer http = new HttpServer();
            http.addListener(new NetworkListener("provider", "127.0.0.1", 0));
            WebappContext webapp = new WebappContext("provider", "");
            webapp.addServlet("jersey", new ServletContainer(new ResourceConfig(resource).register(SignetFeature.class)))
                    .addMapping("/*");
            webapp.deploy(http);
            http.start();
            return new EmbeddedProvider(weld, http, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getListener("provider").getPort() + "/");
    }

    @Override
    public void close() {
        http.shutdownNow();
        weld.shutdown();
        try {
            Files.deleteIfExists(keyFile);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
