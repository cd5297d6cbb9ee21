// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.SignetFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /**
     * Servers running in this JVM. Signet's {@code DynamicFeature} finds its runtime through
     * {@code CDI.current()}, which in Weld SE is the first container started: a second server in the same
     * JVM would silently use the first one's settings and caches. Tests that need two nodes start
     * {@link ChildServer}s, each in its own JVM.
     */
    private static final java.util.concurrent.atomic.AtomicInteger RUNNING = new java.util.concurrent.atomic.AtomicInteger();

    private final WeldContainer weld;
    private final HttpServer http;

    private final String base;

    private SignetTestServer(WeldContainer weld, HttpServer http, String base) {
        this.weld = weld;
        this.http = http;
        this.base = base;
    }

    public static SignetTestServer start(Class<?>... resources) {
        return start(Map.of(), null, resources);
    }

    /** A server with its own Signet settings and, when {@code clock} is not null, its own clock. */
    public static SignetTestServer start(Map<String, String> settings, Clock clock, Class<?>... resources) {
        return start(new TestSettings(settings, clock), CONTEXT, APPLICATION, resources);
    }

    /**
     * A server at {@code context} (empty for the root) whose Jersey servlet serves {@code application}
     * (empty for everything), with the beans {@code setup} provides.
     */
    public static SignetTestServer start(TestSettings setup, String context, String application, Class<?>... resources) {
        if (RUNNING.getAndIncrement() > 0) {
            RUNNING.decrementAndGet();
            throw new IllegalStateException("another SignetTestServer runs in this JVM: CDI.current() would give this one"
                    + " the other's Signet runtime; close it first, or start a ChildServer");
        }
        try {
            return startAlone(setup, context, application, resources);
        } catch (RuntimeException e) {
            RUNNING.decrementAndGet();
            throw e;
        }
    }

    private static SignetTestServer startAlone(TestSettings setup, String context, String application, Class<?>... resources) {
        // Weld first: Jersey's CDI integration looks the container up when the application starts.
        WeldContainer weld = new Weld().containerId("signet-test-" + System.nanoTime())
                .addExtension(setup).initialize();
        ResourceConfig config = new ResourceConfig(resources).register(SignetFeature.class);
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("signet-test", "127.0.0.1", 0);
        // Grizzly's default 8 KiB of header would refuse, before any filter, fields that the schemes' own limits
        // are there to refuse (rfc9421: 16 KiB of Signature): 64 KiB lets the filter be the one to answer.
        listener.setMaxHttpHeaderSize(64 * 1024);
        http.addListener(listener);
        WebappContext webapp = new WebappContext("signet-test", context);
        ServletRegistration servlet = webapp.addServlet("jersey", new ServletContainer(config));
        servlet.addMapping(application + "/*");
        servlet.setLoadOnStartup(1); // initialise Jersey now, so a deployment failure is the start's failure
        try {
            deployOrThrow(webapp, http);
            http.start();
        } catch (IOException e) {
            weld.shutdown();
            throw new UncheckedIOException(e);
        } catch (RuntimeException deploymentFailed) {
            http.shutdownNow();
            weld.shutdown();
            throw deploymentFailed;
        }
        return new SignetTestServer(weld, http, context + application);
    }

    /**
     * Grizzly logs a failed deployment and carries on; an application server refuses it. The failure is
     * turned into an exception here, so tests see what a server's deployment would.
     */
    private static void deployOrThrow(WebappContext webapp, HttpServer http) {
        Logger grizzly = Logger.getLogger(WebappContext.class.getName());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Handler catcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.SEVERE && record.getThrown() != null) {
                    failure.compareAndSet(null, record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        grizzly.addHandler(catcher);
        try {
            webapp.deploy(http);
        } finally {
            grizzly.removeHandler(catcher);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("deployment failed", failure.get());
        }
    }

    /** {@code http://127.0.0.1:port/ctx/api} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + http.getListener("signet-test").getPort() + base);
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        try {
            http.shutdownNow();
            weld.shutdown();
        } finally {
            RUNNING.decrementAndGet();
        }
    }
}
