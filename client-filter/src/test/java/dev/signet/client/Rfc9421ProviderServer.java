// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
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

/**
 * The provider's real filter under {@code signet.scheme=rfc9421}, its keys from the provider's JSON key file
 * (secrets and PEM public keys), as an operator would configure it.
 */
final class Rfc9421ProviderServer implements AutoCloseable {

    private final EmbeddedProvider server;

    private Rfc9421ProviderServer(EmbeddedProvider server) {
        this.server = server;
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
        return new Rfc9421ProviderServer(EmbeddedProvider.start(Echo.class, settings, keyFile));
    }

    URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
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
