package dev.signet.provider.testing;

import dev.signet.provider.SignetFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.ServletRegistration;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real HTTP server for tests: Weld SE, then Grizzly's servlet container on 127.0.0.1 and a free port,
 * running Jersey with the given resources under {@code /ctx/api}, so the raw path a client signs carries
 * a context root and an application path as on an application server.
 */
public final class SignetTestServer implements AutoCloseable {

    public static final String CONTEXT = "/ctx";
    public static final String APPLICATION = "/api";

    private final WeldContainer weld;
    private final HttpServer http;

    private SignetTestServer(WeldContainer weld, HttpServer http) {
        this.weld = weld;
        this.http = http;
    }

    public static SignetTestServer start(Class<?>... resources) {
        // Weld first: Jersey's CDI integration looks the container up when the application starts.
        WeldContainer weld = new Weld().containerId("signet-test-" + System.nanoTime()).initialize();
        ResourceConfig config = new ResourceConfig(resources).register(SignetFeature.class);
        HttpServer http = new HttpServer();
        http.addListener(new NetworkListener("signet-test", "127.0.0.1", 0));
        WebappContext webapp = new WebappContext("signet-test", CONTEXT);
        ServletRegistration servlet = webapp.addServlet("jersey", new ServletContainer(config));
        servlet.addMapping(APPLICATION + "/*");
        webapp.deploy(http);
        try {
            http.start();
        } catch (IOException e) {
            weld.shutdown();
            throw new UncheckedIOException(e);
        }
        return new SignetTestServer(weld, http);
    }

    /** {@code http://127.0.0.1:port/ctx/api} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getListener("signet-test").getPort() + CONTEXT + APPLICATION);
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        http.shutdownNow();
        weld.shutdown();
    }
}
