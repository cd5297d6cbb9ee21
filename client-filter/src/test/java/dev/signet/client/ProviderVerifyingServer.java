// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.SignetFeature;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
 * The provider's real filter as the server: Weld SE, Grizzly's servlet container and Jersey, with the key
 * given through the provider's own JSON key-file built-in and the scheme through {@code signet.scheme},
 * as an operator would configure them.
 */
final class ProviderVerifyingServer implements VerifyingServer {

    private final WeldContainer weld;
    private final HttpServer http;
    private final java.nio.file.Path keyFile;

    private ProviderVerifyingServer(WeldContainer weld, HttpServer http, java.nio.file.Path keyFile) {
        this.weld = weld;
        this.http = http;
        this.keyFile = keyFile;
    }

    static ProviderVerifyingServer start(Scheme scheme, ApiKey key) {
        return start(scheme.name(), key, Map.of());
    }

    /** A webhook receiver: the sender names no key, so {@code signet.scheme.<name>.key} names {@code key}. */
    static ProviderVerifyingServer startWebhook(WebhookScheme scheme, ApiKey key) {
        return start(scheme.name(), key, Map.of("signet.scheme." + scheme.name() + ".key", key.id()));
    }

    private static ProviderVerifyingServer start(String scheme, ApiKey key, Map<String, String> more) {
        java.nio.file.Path keyFile = writeKeyFile(key);
        Map<String, String> settings = new LinkedHashMap<>(more);
        settings.put("signet.scheme", scheme);
        settings.put("signet.keys.file", keyFile.toString());
        settings.put("signet.max-body-bytes", String.valueOf(64L * 1024 * 1024)); // the contract sends 20 MiB
        Map<String, String> previous = new LinkedHashMap<>();
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            WeldContainer weld = new Weld().containerId("client-filter-" + System.nanoTime()).initialize();
            HttpServer http = new HttpServer();
            http.addListener(new NetworkListener("provider", "127.0.0.1", 0));
            WebappContext webapp = new WebappContext("provider", "");
            webapp.addServlet("jersey", new ServletContainer(new ResourceConfig(Echo.class).register(SignetFeature.class)))
                    .addMapping("/*");
            webapp.deploy(http);
            http.start();
            return new ProviderVerifyingServer(weld, http, keyFile);
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

    private static java.nio.file.Path writeKeyFile(ApiKey key) {
        try {
            java.nio.file.Path file = Files.createTempFile("signet-keys-", ".json");
            String secrets = key.secrets().stream().map(s -> "{\"value\":" + JsonString.quote(s.reveal()) + "}")
                    .collect(java.util.stream.Collectors.joining(","));
            Files.writeString(file, "{\"keys\":[{\"id\":" + JsonString.quote(key.id()) + ",\"secrets\":[" + secrets
                    + "],\"scopes\":[\"transfer\"]}]}", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI baseUri() {
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

    /** Every method on every path, under the configured default scheme; answers what it received. */
    @Path("{any: .*}")
    @Produces("application/json")
    @SignedRequired(scopes = "transfer")
    public static class Echo {

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

        @DELETE
        public String delete(InputStream body) throws IOException {
            return received(body);
        }

        private static String received(InputStream body) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            int n;
            while ((n = body.read(buffer)) != -1) {
                sha.update(buffer, 0, n);
                length += n;
            }
            return "{\"sha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\",\"length\":" + length + "}";
        }
    }
}
