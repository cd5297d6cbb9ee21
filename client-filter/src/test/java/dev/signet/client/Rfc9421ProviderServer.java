// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.SignetFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * The provider's real filter under {@code signet.scheme=rfc9421}, its keys from the provider's JSON key file
 * (secrets and PEM public keys), as an operator would configure it.
 */
final class Rfc9421ProviderServer implements AutoCloseable {

    private final WeldContainer weld;
    private final HttpServer http;
    private final java.nio.file.Path keyFile;

    private Rfc9421ProviderServer(WeldContainer weld, HttpServer http, java.nio.file.Path keyFile) {
        this.weld = weld;
        this.http = http;
        this.keyFile = keyFile;
    }

    /** {@code keysJson} is the key file's content. */
    static Rfc9421ProviderServer start(String keysJson) {
        return start(keysJson, Map.of());
    }

    /** With further settings (response signing, say). */
    static Rfc9421ProviderServer start(String keysJson, Map<String, String> more) {
        java.nio.file.Path keyFile;
        try {
            keyFile = Files.createTempFile("signet-keys-", ".json");
            Files.writeString(keyFile, keysJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("signet.scheme", "rfc9421");
        settings.put("signet.keys.file", keyFile.toString());
        settings.putAll(more);
        Map<String, String> previous = new LinkedHashMap<>();
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            WeldContainer weld = new Weld().containerId("client-filter-rfc9421-" + System.nanoTime()).initialize();
            HttpServer http = new HttpServer();
            http.addListener(new NetworkListener("provider", "127.0.0.1", 0));
            WebappContext webapp = new WebappContext("provider", "");
            webapp.addServlet("jersey", new ServletContainer(new ResourceConfig(Echo.class).register(SignetFeature.class)))
                    .addMapping("/*");
            webapp.deploy(http);
            http.start();
            return new Rfc9421ProviderServer(weld, http, keyFile);
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

    /** Every path, under the default scheme (rfc9421); answers who called and what body it read. */
    @Path("{any: .*}")
    @Produces("application/json")
    @SignedRequired
    public static class Echo {

        @Context
        SecurityContext security;

        @GET
        public String get(InputStream body) throws IOException {
            return received(body);
        }

        @POST
        public String post(InputStream body) throws IOException {
            return received(body);
        }

        @PUT
        public String put(InputStream body) throws IOException {
            return received(body);
        }

        private String received(InputStream body) throws IOException {
            byte[] bytes = body.readAllBytes();
            try {
                return "{\"keyId\":" + JsonString.quote(security.getUserPrincipal().getName()) + ",\"sha256\":\""
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\",\"length\":"
                        + bytes.length + "}";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
