// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.client.SigningFeature;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.examples.testing.DemoKeyFiles;
import dev.signet.provider.testing.SignedHttp;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /P/echo} is idempotent when an {@code Idempotency-Key} is sent: a repeat, freshly signed,
 * gets the first answer byte for byte (the same {@code served} id: the resource did not run again); another
 * body under the same key 422; no key, served as ever.
 */
class DemoIdempotencyTest {

    @TempDir
    static Path directory;

    static DemoServer server;
    static SignedHttp http;
    static final ApiKey WRITER = ApiKey.of(DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET);

    @BeforeAll
    static void start() {
        Path file = DemoKeyFiles.writeWithWebhooks(directory);
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

    /** Seconds already signed with, per scheme. */
    private static final Map<String, AtomicLong> LAST_SECOND = new ConcurrentHashMap<>();

    /**
     * A clock at a second not yet signed with for this scheme (within 20 s of now). The canonical preset's
     * replay unit is (key, timestamp, signature) and its signature covers no nonce: two requests with the same
     * method, path and body in one second are one request to it, so a fresh signature needs a fresh second.
     */
    private static Clock freshSecond(Scheme scheme) {
        long now = Instant.now().getEpochSecond();
        long second = LAST_SECOND.computeIfAbsent(scheme.name(), name -> new AtomicLong(now - 20))
                .updateAndGet(last -> Math.max(now - 20, last + 1));
        assertTrue(second <= now + 20, "more requests than the canonical window holds");
        return Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC);
    }

    private static SignedHttp.Call signed(SignedHttp.Call call, Scheme scheme) {
        return call.signed(scheme, WRITER.id(), WRITER.signingSecret(), freshSecond(scheme));
    }

    private static HttpResponse<String> post(Scheme scheme, String body, String idempotencyKey) {
        SignedHttp.Call call = signed(http.post("/" + scheme.name() + "/echo", body), scheme);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }

    private static String newKey() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theSameKeyTwiceGetsTheFirstAnswerByteForByte(Scheme scheme) {
        String key = newKey();
        String body = "{\"amount\":\"100.00\",\"note\":\"caf\u00e9\"}";
        HttpResponse<String> first = post(scheme, body, key);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty(), first.headers().map().toString());

        HttpResponse<String> repeat = post(scheme, body, key);
        assertEquals(200, repeat.statusCode(), repeat.body());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""), repeat.headers().map().toString());
        assertArrayEquals(first.body().getBytes(StandardCharsets.UTF_8), repeat.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(first.headers().firstValue("Content-Type"), repeat.headers().firstValue("Content-Type"));
        assertEquals(EchoBodies.served(first.body()), EchoBodies.served(repeat.body()));

        HttpResponse<String> third = post(scheme, body, key);
        assertEquals(first.body(), third.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theSameKeyWithAnotherBodyIs422AndTheResourceDoesNotRun(Scheme scheme) {
        String key = newKey();
        HttpResponse<String> first = post(scheme, "{\"amount\":\"100.00\"}", key);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> other = post(scheme, "{\"amount\":\"999.00\"}", key);
        assertEquals(422, other.statusCode(), other.body());
        assertTrue(!other.body().contains("\"served\""), other.body());
        // One byte more is another body too.
        HttpResponse<String> longer = post(scheme, "{\"amount\":\"100.00\"} ", key);
        assertEquals(422, longer.statusCode(), longer.body());
        // And the first is still what the key answers.
        HttpResponse<String> again = post(scheme, "{\"amount\":\"100.00\"}", key);
        assertEquals(first.body(), again.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void withoutAKeyEachRequestRunsAndOtherKeysAreOtherExecutions(Scheme scheme) {
        String body = "{\"amount\":\"1.00\"}";
        String a = EchoBodies.served(post(scheme, body, null).body());
        String b = EchoBodies.served(post(scheme, body, null).body());
        String c = EchoBodies.served(post(scheme, body, newKey()).body());
        String d = EchoBodies.served(post(scheme, body, newKey()).body());
        assertEquals(4, java.util.Set.of(a, b, c, d).size(), List.of(a, b, c, d).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void getIsNotIdempotentSoItsKeyIsIgnored(Scheme scheme) {
        String key = newKey();
        HttpResponse<String> first = signed(http.get("/" + scheme.name() + "/echo"), scheme).header("Idempotency-Key", key).send();
        HttpResponse<String> second = signed(http.get("/" + scheme.name() + "/echo"), scheme).header("Idempotency-Key", key).send();
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertNotEquals(EchoBodies.served(first.body()), EchoBodies.served(second.body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void malformedKeysAre400AndTheResourceDoesNotRun(Scheme scheme) {
        for (String malformed : List.of("\"unterminated", "\"\"", "\"a\", \"b\"", "\"" + "x".repeat(256) + "\"",
                "\"a\";p=1", "\"tab\there\"", "\"bad \\escape\"")) {
            HttpResponse<String> response = post(scheme, "{}", malformed);
            assertEquals(400, response.statusCode(), malformed + " -> " + response.body());
            assertTrue(!response.body().contains("\"served\""), response.body());
        }
        // The next well-formed key is served.
        assertEquals(200, post(scheme, "{}", newKey()).statusCode());
    }

    @Test
    void anExactCopyOfASignedRepeatIsStillAReplayNotTheStoredAnswer() {
        String key = newKey();
        SignedHttp.Call call = http.post("/canonical-nonce/echo", "{}").signed(Presets.CANONICAL_NONCE, WRITER)
                .header("Idempotency-Key", key);
        assertEquals(200, call.send().statusCode());
        HttpResponse<String> copy = call.send();
        assertEquals(401, copy.statusCode(), copy.body());
        assertTrue(!copy.body().contains("\"served\""), copy.body());
    }

    @Test
    void aStandardWebhooksDeliveryWithAKeyIsAnsweredOnce() {
        Client client = ClientBuilder.newClient().register(SigningFeature.webhook(WebhookPresets.STANDARD_WEBHOOKS)
                .secret(DemoKeyFiles.WEBHOOK_SECRETS.get("standard-webhooks")).build());
        try {
            String key = newKey();
            String first = deliver(client, key, 200);
            String repeat = deliver(client, key, 200);
            assertEquals(first, repeat);
            assertEquals(EchoBodies.served(first), EchoBodies.served(repeat));
        } finally {
            client.close();
        }
    }

    @Test
    void aGitHubRepeatWithTheSameBodyIsAReplayItsSignatureIsTheReplayUnit() {
        // GitHub signs the body only: the same body is the same signature, which the replay check has seen.
        Client client = ClientBuilder.newClient().register(SigningFeature.webhook(WebhookPresets.GITHUB)
                .secret(DemoKeyFiles.WEBHOOK_SECRETS.get("github")).build());
        try {
            String key = newKey();
            String first = deliver(client, "github", key, 200);
            EchoBodies.served(first);
            String repeat = deliver(client, "github", key, 401);
            assertTrue(repeat.contains("https://signet.dev/problems/replayed"), repeat);
        } finally {
            client.close();
        }
    }

    private static String deliver(Client client, String key, int status) {
        return deliver(client, "standard-webhooks", key, status);
    }

    private static String deliver(Client client, String preset, String key, int status) {
        try (Response response = client.target(server.baseUri()).path(preset).path("echo").request()
                .header("Idempotency-Key", key).post(Entity.entity("{\"type\":\"invoice.paid\",\"id\":\"" + key.length() + "\"}", MediaType.APPLICATION_JSON_TYPE))) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            return body;
        }
    }
}
