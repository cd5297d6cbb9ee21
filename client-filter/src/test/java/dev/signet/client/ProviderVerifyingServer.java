// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.provider.SignedRequired;
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

/**
 * The provider's real filter as the server: Weld SE, Grizzly's servlet container and Jersey, with the key
 * given through the provider's own JSON key-file built-in and the scheme through {@code signet.scheme},
 * as an operator would configure them.
 */
final class ProviderVerifyingServer implements VerifyingServer {

    private final EmbeddedProvider server;

    private ProviderVerifyingServer(EmbeddedProvider server) {
        this.server = server;
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
        return new ProviderVerifyingServer(EmbeddedProvider.start(Echo.class, settings, keyFile));
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
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
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
