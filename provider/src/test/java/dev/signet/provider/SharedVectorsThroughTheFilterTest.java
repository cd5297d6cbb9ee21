// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.NonceFormat;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.vectors.Vectors;
import dev.signet.core.vectors.Vectors.Case;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.MutableClock;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the shared vectors (copied from shared/vectors, see core's vectors/ORIGIN.md), sent over
 * HTTP with exactly the headers its document's reference client produced, through the real filter on a
 * clock fixed at the case's timestamp: refused with its document's code once one character of the signature
 * changes, then accepted as is. The server sits at the root, so the raw path is the vector's own.
 */
class SharedVectorsThroughTheFilterTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Path("/")
    @Produces("application/json")
    @SignedRequired(scopes = "vectors")
    public static class Anything {
        @GET
        @Path("{path: .*}")
        public String get() {
            return "{\"served\":true}";
        }

        @POST
        @Path("{path: .*}")
        public String post(InputStream body) throws IOException {
            return "{\"served\":true,\"length\":" + body.readAllBytes().length + "}";
        }

        @PUT
        @Path("{path: .*}")
        public String put(InputStream body) throws IOException {
            return post(body);
        }

        @DELETE
        @Path("{path: .*}")
        public String delete() {
            return get();
        }
    }

    /** One vector file under its preset, and how a case of it travels. */
    record Sent(Scheme scheme, String method, String path, String body, Map<String, String> headers, Instant at,
            ApiKey key) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new java.util.ArrayList<>();
        for (Case c : Vectors.load(Vectors.LENME)) {
            all.add(Arguments.of(c, sent(Presets.TIMESTAMP_SECRET, c, "GET", "/any/path", "", c.get("keyId"),
                    ordered("X-API-KEY", c.get("keyId"), "X-Timestamp", c.get("timestamp"), "X-HMAC", c.expected().get("X-HMAC")))));
        }
        for (Case c : Vectors.load(Vectors.TENDER)) {
            // The escaping cases test the signed-string builder alone: such ids cannot travel in a header.
            if (!c.get("accessId").chars().allMatch(ch -> ch > 0x20 && ch < 0x7F) || !NonceFormat.UUID.accepts(c.get("requestId"))) {
                continue;
            }
            all.add(Arguments.of(c, sent(Presets.JSON_PAYLOAD, c, "GET", "/any/path", "", c.get("accessId"),
                    ordered("x-access-id", c.get("accessId"), "x-request-id", c.get("requestId"),
                            "x-timestamp", c.get("timestamp"), "authorization", c.expected().get("authorization")))));
        }
        for (Case c : Vectors.load(Vectors.CANONICAL_HEX)) {
            all.add(Arguments.of(c, sent(Presets.CANONICAL, c, c.get("method"), c.get("path"), c.getOrDefault("body", ""),
                    c.get("keyId"), ordered("X-API-Key", c.get("keyId"), "X-Timestamp", c.get("timestamp"),
                            "X-Signature", c.expected().get("X-Signature")))));
        }
        for (Case c : Vectors.load(Vectors.LAMPAY)) {
            all.add(Arguments.of(c, sent(Presets.CANONICAL_NONCE, c, c.get("method"), c.get("path"), c.getOrDefault("body", ""),
                    c.get("keyId"), ordered("X-Api-Key", c.get("keyId"), "X-Timestamp", c.get("timestamp"),
                            "X-Nonce", c.get("nonce"), "X-Signature", c.expected().get("X-Signature")))));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aChangedSignatureIsRefusedAndTheReferenceClientsRequestIsAccepted(Case vector, Sent sent) throws Exception {
        MutableClock clock = new MutableClock(sent.at());
        TestSettings setup = new TestSettings(Map.of("signet.scheme", sent.scheme().name()), clock,
                InMemoryKeyRepository.of(sent.key()));
        try (SignetTestServer server = SignetTestServer.start(setup, "", "", Anything.class)) {
            Map<String, String> tampered = new LinkedHashMap<>(sent.headers());
            String signatureHeader = sent.scheme().headers().signature();
            tampered.put(signatureHeader, flipFirstCharacter(tampered.get(signatureHeader)));
            HttpResponse<String> refused = send(server.baseUri(), sent, tampered);
            assertEquals(401, refused.statusCode(), vector + ": " + refused.body());
            assertEquals(signatureMismatchMarker(sent.scheme()), marker(sent.scheme(), refused.body()));

            // Then the genuine request (a forged copy records nothing, so its nonce is still fresh).
            HttpResponse<String> accepted = send(server.baseUri(), sent, sent.headers());
            assertEquals(200, accepted.statusCode(), vector + ": " + accepted.body());
        }
    }

    private static Sent sent(Scheme scheme, Case c, String method, String path, String body, String keyId,
            Map<String, String> headers) {
        Instant at = scheme.timestampFormat().parse(c.get("timestamp")).orElseThrow();
        ApiKey key = ApiKey.builder(keyId).secret(c.get("secret")).scope("vectors").build();
        return new Sent(scheme, method, path, body, headers, at, key);
    }

    private static HttpResponse<String> send(URI base, Sent sent, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + sent.path()))
                .method(sent.method(), sent.body().isEmpty() && !sent.method().equals("POST") && !sent.method().equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String flipFirstCharacter(String signature) {
        char first = signature.charAt(0);
        return (first == 'a' ? 'b' : 'a') + signature.substring(1);
    }

    private static String signatureMismatchMarker(Scheme scheme) {
        return switch (scheme.errorFormat()) {
            case DETAIL -> "Invalid HMAC";
            case ENVELOPE -> "GA2012";
            case PROBLEM -> "https://signet.dev/problems/signature-mismatch";
        };
    }

    private static String marker(Scheme scheme, String body) {
        return Optional.ofNullable(switch (scheme.errorFormat()) {
            case DETAIL -> Json.field(body, "detail");
            case ENVELOPE -> Json.field(body, "code");
            case PROBLEM -> Json.field(body, "type");
        }).orElse("(none) " + body);
    }
}
