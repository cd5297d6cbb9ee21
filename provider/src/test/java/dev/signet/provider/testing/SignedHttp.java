// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A plain JDK HTTP client that signs with core's signer: the server is tested against a client that
 * shares none of its code but the scheme definitions.
 */
public final class SignedHttp {

    // HTTP/1.1: the JDK client's h2c upgrade makes Grizzly stall on POST bodies (TOOLCHAIN pitfall 2).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public SignedHttp(URI base) {
        this.base = base;
    }

    /** A request to sign and send; headers may be changed between signing and sending. */
    public final class Call {
        public final String method;
        public final String path;
        public byte[] body;
        public final Map<String, String> headers = new LinkedHashMap<>();

        Call(String method, String path, byte[] body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call signed(Scheme scheme, ApiKey key) {
            return signed(scheme, key.id(), key.signingSecret(), Clock.systemUTC());
        }

        public Call signed(Scheme scheme, String keyId, Secret secret, Clock clock) {
            RequestSigner signer = new RequestSigner(scheme, clock, () -> UUID.randomUUID().toString());
            URI target = URI.create(base + path);
            headers.putAll(signer.sign(new CanonicalRequest(method, target.getRawPath(), target.getRawQuery(), BodyHash.of(body)),
                    keyId, secret).headers());
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            if (body.length > 0 && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
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
        return new Call("GET", path, new byte[0]);
    }

    public Call post(String path, String body) {
        return new Call("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    public Call call(String method, String path, byte[] body) {
        return new Call(method, path, body);
    }

    public HttpClient client() {
        return client;
    }
}
