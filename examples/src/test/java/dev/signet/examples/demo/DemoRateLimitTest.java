// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.client.SigningFeature;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.examples.testing.DemoKeyFiles;
import dev.signet.provider.testing.SignedHttp;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key file's {@code rateLimitPerMinute} over HTTP on every preset of the demo: each key may make one
 * request a minute, so the second, validly signed, gets 429 with {@code Retry-After}; a forged request
 * before them is not counted.
 */
class DemoRateLimitTest {

    @TempDir
    static Path directory;

    static DemoServer server;
    static SignedHttp http;

    /** One key per request-signing preset (budgets are per key, whatever the scheme), each allowed 1 a minute. */
    static String keyId(Scheme scheme) {
        return "one-a-minute-" + scheme.name();
    }

    static final String SECRET = "one-a-minute-secret-0123456789";

    @BeforeAll
    static void start() throws IOException {
        StringBuilder json = new StringBuilder("{\"keys\":[\n");
        for (Scheme scheme : Presets.all()) {
            json.append("  {\"id\":\"").append(keyId(scheme)).append("\",\"secret\":\"").append(SECRET)
                    .append("\",\"scopes\":[\"demo:read\",\"demo:write\"],\"rateLimitPerMinute\":1},\n");
        }
        for (WebhookScheme scheme : WebhookPresets.all()) {
            json.append("  {\"id\":\"").append(scheme.name()).append("\",\"secret\":\"")
                    .append(DemoKeyFiles.WEBHOOK_SECRETS.get(scheme.name())).append("\",\"rateLimitPerMinute\":1},\n");
        }
        json.setLength(json.length() - 2);
        json.append("\n]}\n");
        Path file = Files.writeString(directory.resolve("one-a-minute.json"), json);
        server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.of(file)), DemoKeys.load(file).repository());
        http = new SignedHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Scheme> presets() {
        return Presets.all();
    }

    static List<WebhookScheme> webhooks() {
        return WebhookPresets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theSecondRequestOverALimitOfOneIsRefusedWith429AndRetryAfter(Scheme scheme) {
        ApiKey key = ApiKey.of(keyId(scheme), SECRET);
        String path = "/" + scheme.name() + "/echo";

        HttpResponse<String> forged = http.post(path, "{\"n\":0}").signed(scheme, ApiKey.of(keyId(scheme), "not-the-secret-0123456789")).send();
        assertEquals(401, forged.statusCode(), "a forged request is refused before it is counted: " + forged.body());
        assertTrue(forged.headers().firstValue("RateLimit").isEmpty(), forged.headers().map().toString());

        HttpResponse<String> first = http.post(path, "{\"n\":1}").signed(scheme, key).send();
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("\"key\";q=1;w=60", first.headers().firstValue("RateLimit-Policy").orElse(""), first.headers().map().toString());
        assertTrue(first.headers().firstValue("RateLimit").orElse("").startsWith("\"key\";r=0;"), first.headers().map().toString());
        EchoBodies.served(first.body());

        // Freshly signed (a new nonce and timestamp), on GET this time: one budget per key, whatever the endpoint.
        HttpResponse<String> second = http.get(path).signed(scheme, key).send();
        assertTooMany(second);

        HttpResponse<String> third = http.post(path, "{\"n\":3}").signed(scheme, key).send();
        assertTooMany(third);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void aWebhookSendersKeyHasItsLimitToo(WebhookScheme scheme) {
        Client client = ClientBuilder.newClient()
                .register(SigningFeature.webhook(scheme).secret(DemoKeyFiles.WEBHOOK_SECRETS.get(scheme.name())).build());
        try {
            try (Response first = deliver(client, scheme, "{\"id\":\"evt_1\"}")) {
                assertEquals(200, first.getStatus(), first.readEntity(String.class));
            }
            try (Response second = deliver(client, scheme, "{\"id\":\"evt_2\"}")) {
                String body = second.readEntity(String.class);
                assertEquals(429, second.getStatus(), body);
                long retryAfter = Long.parseLong(second.getHeaderString("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                assertTrue(!body.contains("\"served\""), "the resource did not run: " + body);
            }
        } finally {
            client.close();
        }
    }

    private static Response deliver(Client client, WebhookScheme scheme, String body) {
        return client.target(server.baseUri()).path(scheme.name()).path("echo").request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    private static void assertTooMany(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        String retryAfter = response.headers().firstValue("Retry-After").orElseThrow(
                () -> new AssertionError("no Retry-After: " + response.headers().map()));
        assertTrue(retryAfter.matches("[1-9][0-9]?"), "Retry-After " + retryAfter);
        assertTrue(Integer.parseInt(retryAfter) <= 60, "Retry-After " + retryAfter);
        assertTrue(!response.body().contains("\"served\""), "the resource did not run: " + response.body());
        assertTrue(response.headers().firstValue("RateLimit").orElse("").startsWith("\"key\";r=0;"),
                response.headers().map().toString());
    }
}
