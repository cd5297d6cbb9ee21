// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.provider.SignetFeature;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.internal.body.SpooledBodies;
import dev.signet.provider.caller.VerifiedCaller;
import dev.signet.provider.internal.idempotency.IdempotencyGuard;
import dev.signet.provider.keys.KeyRepository;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.ServletRegistration;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.weld.se.WeldRequestScope;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The demo server: Weld SE, then Grizzly's servlet container running Jersey with Signet, serving at the
 * root context, with Signet's default local Infinispan replay cache. Stop it with {@link #close()}.
 */
public final class DemoServer implements AutoCloseable {

    private static final String LISTENER = "signet-demo";

    /** The JAX-RS resources; the CDI-managed ones are also listed among the beans below. */
    private static final List<Class<?>> RESOURCES = List.of(HealthResource.class, TimestampSecretEndpoints.class,
            JsonPayloadEndpoints.class, CanonicalEndpoints.class, CanonicalNonceEndpoints.class, WebhookEndpoints.class,
            Rfc9421Endpoints.class);

    /**
     * Every bean the application needs, named rather than discovered: in the shaded jar all archives are one
     * and only one beans.xml survives, so discovery could not tell Signet's beans from anyone else's.
     * WeldRequestScope is Jersey's bridge to Weld's request context, which {@link VerifiedCaller} lives in.
     */
    private static final List<Class<?>> BEANS = List.of(SignetRuntime.class, VerifiedCaller.class, SpooledBodies.class,
            IdempotencyGuard.class, WeldRequestScope.class,
            TimestampSecretEndpoints.class, JsonPayloadEndpoints.class, CanonicalEndpoints.class,
            CanonicalNonceEndpoints.class, WebhookEndpoints.class, Rfc9421Endpoints.class);

    private final WeldContainer weld;
    private final HttpServer http;
    private final String host;

    private DemoServer(WeldContainer weld, HttpServer http, String host) {
        this.weld = weld;
        this.http = http;
        this.host = host;
    }

    /**
     * Starts the server on the settings' host and port (0 for any free port), accepting the given keys.
     *
     * @throws IllegalStateException when the address cannot be bound, with a message that says so
     */
    public static DemoServer start(DemoSettings settings, KeyRepository keys) {
        // Weld first: Jersey's CDI integration looks the container up when the application starts.
        Weld weldBuilder = new Weld()
                .containerId("signet-demo-" + UUID.randomUUID())
                .disableDiscovery()
                .addBeanClasses(BEANS.toArray(Class<?>[]::new))
                .addExtension(new KeyRepositoryBean(keys))
                // close() stops the HTTP listener before the container, so no request meets a stopped container.
                .skipShutdownHook();
        // With discovery off Weld loads no portable extension by itself, Jersey's CDI integration included.
        ServiceLoader.load(Extension.class, DemoServer.class.getClassLoader()).forEach(weldBuilder::addExtension);
        WeldContainer weld = weldBuilder.initialize();
        try {
            HttpServer http = new HttpServer();
            // Errors the HTTP layer answers itself (a request line it cannot parse): JSON, no software named.
            http.getServerConfiguration().setDefaultErrorPageGenerator(
                    (request, status, reason, description, exception) -> JsonErrors.body(status, reason));
            http.getServerConfiguration().setHttpServerName("");
            http.getServerConfiguration().setHttpServerVersion("");
            http.addListener(new NetworkListener(LISTENER, settings.host(), settings.port()));
            WebappContext webapp = new WebappContext(LISTENER, "");
            ServletRegistration servlet = webapp.addServlet("jersey",
                    new ServletContainer(new ResourceConfig(RESOURCES.toArray(Class<?>[]::new)).register(SignetFeature.class)
                            .register(PathNormalizer.class).register(JsonErrors.class)
                            // WADL needs JAXB, which the demo does not carry; without this Jersey warns on every start.
                            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                            // Jersey's own errors as statuses the mapper writes, not the container's HTML error page.
                            .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)));
            servlet.addMapping("/*");
            webapp.deploy(http);
            http.start();
            return new DemoServer(weld, http, settings.host());
        } catch (IOException | RuntimeException e) {
            weld.shutdown();
            throw new IllegalStateException("cannot serve on " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "); set " + DemoSettings.PORT_VARIABLE + " to a free port", e);
        }
    }

    public int port() {
        return http.getListener(LISTENER).getPort();
    }

    /** The address a client on this machine calls: loopback when the server listens on every address. */
    public URI baseUri() {
        String callable = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]", "::0" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + callable + ":" + port());
    }

    @Override
    public void close() {
        try {
            http.shutdownNow();
        } finally {
            weld.shutdown();
        }
    }
}
