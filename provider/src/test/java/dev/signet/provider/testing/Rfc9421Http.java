// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.verification.HeaderSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A plain JDK HTTP client that signs with core's RFC 9421 signer, for the provider's tests. */
public final class Rfc9421Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Rfc9421Http(URI base) {
        this.base = base;
    }

    /** A request to sign and send; headers may be changed between signing and sending. */
    public final class Call {
        public final String method;
        public final String uri;
        public byte[] body;
        public final Map<String, String> headers = new LinkedHashMap<>();
        /** Further field lines, sent after {@link #headers}: a second line of a field already there, say. */
        public final List<Map.Entry<String, String>> moreLines = new ArrayList<>();

        Call(String method, String path, byte[] body) {
            this.method = method;
            this.uri = base + path;
            this.body = body;
            if (body != null && body.length > 0) {
                headers.put("Content-Type", "application/json");
            }
        }

        /** Signs with a fresh nonce, created now. */
        public Call signed(Rfc9421Signer signer) {
            return signed(signer, Instant.now(), UUID.randomUUID().toString());
        }

        public Call signed(Rfc9421Signer signer, Instant created, String nonce) {
            Map<String, List<String>> lines = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((k, v) -> lines.put(k, List.of(v)));
            if (body != null && body.length > 0) {
                lines.put("Content-Length", List.of(Integer.toString(body.length))); // the JDK client sends it
            }
            Map<DigestAlgorithm, byte[]> digests = null;
            if (body != null) {
                ContentDigest.Hasher h = new ContentDigest.Hasher(EnumSet.of(signer.digestAlgorithm()));
                h.update(body, 0, body.length);
                digests = h.finish();
            }
            headers.putAll(signer.sign(method, uri, HeaderSource.ofLists(lines), digests, created, nonce).headers());
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** One more line of {@code name}, sent as well as any line {@link #headers} has. */
        public Call also(String name, String value) {
            moreLines.add(Map.entry(name, value));
            return this;
        }

        public HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            moreLines.forEach(line -> request.header(line.getKey(), line.getValue()));
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, String body) {
        return new Call("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

}
