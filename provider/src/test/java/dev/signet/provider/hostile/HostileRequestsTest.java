// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.RawHttp;
import dev.signet.provider.testing.RawHttp.Answer;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What attackers and broken clients send, over HTTP, under every preset: credential headers missing,
 * empty, doubled, oversized; timestamps that are not numbers, negative, overflowing, fractional, far in the
 * future; signatures of the wrong length, alphabet, case and padding; key ids with control characters,
 * folded lines, Unicode and 4 000 characters. Each is a valid signed request with one thing spoiled, sent
 * byte for byte on a socket. Every answer must be a 4xx JSON body in the scheme's format, a 401 must carry
 * WWW-Authenticate, nothing may be recorded in the replay cache, no stack trace or secret may show, and
 * the next valid request must be served.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(EchoResource.class);

    /** One spoiling of a signed request's header lines. */
    record Attack(String name, BiFunction<Scheme, Map<String, String>, List<String>> spoil) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> attacks() {
        List<Arguments> all = new ArrayList<>();
        for (Scheme scheme : Presets.all()) {
            for (Attack attack : attacksOn(scheme)) {
                all.add(Arguments.of(scheme.name(), attack));
            }
        }
        return all.stream();
    }

    private static List<Attack> attacksOn(Scheme scheme) {
        List<Attack> attacks = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(scheme.headers().keyId(), scheme.headers().timestamp(),
                scheme.headers().signature()));
        if (scheme.headers().hasNonce()) {
            names.add(scheme.headers().nonce());
        }
        for (String header : names) {
            attacks.add(new Attack("missing " + header, (s, h) -> lines(h, header, null)));
            attacks.add(new Attack("empty " + header, (s, h) -> lines(h, header, "")));
            attacks.add(new Attack("doubled " + header, (s, h) -> {
                List<String> lines = lines(h, null, null);
                lines.add(header + ": " + h.get(header));
                return lines;
            }));
            attacks.add(new Attack("oversized " + header, (s, h) -> lines(h, header, "A".repeat(300))));
        }
        String ts = scheme.headers().timestamp();
        boolean epoch = scheme.timestampFormat() == dev.signet.core.scheme.TimestampFormat.EPOCH_SECONDS;
        attacks.add(new Attack("non-numeric timestamp", (s, h) -> lines(h, ts, "yesterday")));
        attacks.add(new Attack("negative timestamp", (s, h) -> lines(h, ts, epoch ? "-1700000000" : "-2025-03-15T09:45:53.000Z")));
        attacks.add(new Attack("overflowing timestamp", (s, h) -> lines(h, ts, epoch ? "99999999999999999999999" : "+999999999-12-31T23:59:59Z")));
        attacks.add(new Attack("fractional timestamp", (s, h) -> lines(h, ts, epoch ? h.get(ts) + ".5" : "2025-03-15T09:45:53.5.5Z")));
        attacks.add(new Attack("far-future timestamp", (s, h) -> lines(h, ts, s.timestampFormat().format(Instant.now().plusSeconds(10L * 365 * 86400)))));
        String sig = scheme.headers().signature();
        attacks.add(new Attack("signature one character short", (s, h) -> lines(h, sig, h.get(sig).substring(1))));
        attacks.add(new Attack("signature in another alphabet", (s, h) -> lines(h, sig, "~".repeat(h.get(sig).length()))));
        attacks.add(new Attack("signature in Arabic-Indic digits", (s, h) -> lines(h, sig, "\u0660".repeat(h.get(sig).length()))));
        if (scheme.encoding() == dev.signet.core.scheme.SignatureEncoding.BASE64) { // hex is read in either case
            attacks.add(new Attack("signature with its case swapped", (s, h) -> lines(h, sig, swapCase(h.get(sig)))));
        }
        attacks.add(new Attack("signature with extra padding", (s, h) -> lines(h, sig, h.get(sig) + "==")));
        String key = scheme.headers().keyId();
        attacks.add(new Attack("key id with a control character", (s, h) -> lines(h, key, "rea\u0001der")));
        attacks.add(new Attack("key id with a tab", (s, h) -> lines(h, key, "rea\tder")));
        attacks.add(new Attack("key id folded over two lines", (s, h) -> lines(h, key, "rea\r\n der")));
        attacks.add(new Attack("key id in Cyrillic", (s, h) -> lines(h, key, "rеаdеr")));
        attacks.add(new Attack("key id of 4000 characters", (s, h) -> lines(h, key, "r".repeat(4000))));
        attacks.add(new Attack("key id that is a secret", (s, h) -> lines(h, key, TestKeys.SECRET)));
        return attacks;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void aSpoiledRequestGetsA4xxInTheSchemesFormatAndRecordsNothing(String preset, Attack attack) {
        Scheme scheme = Presets.byName(preset).orElseThrow();
        InfinispanNonceStore store = (InfinispanNonceStore) SERVER.bean(SignetRuntime.class).nonces();
        int before = store.size();
        String path = "/" + preset + "/get";
        Map<String, String> signed = sign(scheme, "GET", path, new byte[0]);

        List<String> head = new ArrayList<>(List.of("GET " + rawPath(path) + " HTTP/1.1", "Host: 127.0.0.1"));
        head.addAll(attack.spoil().apply(scheme, signed));
        Answer answer = RawHttp.send(SERVER.baseUri(), head, new byte[0]);

        assertRefusedCleanly(scheme, answer);
        assertEquals(before, store.size(), "a refused request is never recorded");
        assertNextValidRequestIsServed(scheme);
    }

    /** A fresh, distinct request (a unique body, so even canonical's (key, timestamp, signature) is new). */
    private static void assertNextValidRequestIsServed(Scheme scheme) {
        String body = "{\"n\":\"" + java.util.UUID.randomUUID() + "\"}";
        assertEquals(200, SERVER.http().post("/" + scheme.name() + "/post", body).signed(scheme, TestKeys.WRITER).send()
                .statusCode(), "the next valid request is served");
    }

    static Stream<Scheme> presets() {
        return Presets.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyByteValueReachesTheResourceUnchangedEmptyAndChunkedBodiesToo(Scheme scheme) {
        byte[] every = new byte[256 * 4];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        String path = "/" + scheme.name() + "/post";
        for (byte[] body : List.of(every, new byte[0])) {
            Map<String, String> signed = sign(scheme, "POST", path, body);
            List<String> head = new ArrayList<>(List.of("POST " + rawPath(path) + " HTTP/1.1", "Host: 127.0.0.1",
                    "Content-Type: application/octet-stream", "Content-Length: " + body.length));
            head.addAll(lines(signed, null, null));
            Answer answer = RawHttp.send(SERVER.baseUri(), head, body);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(BodyHash.of(body).hex(), Json.field(answer.body(), "bodySha256"));
        }
        byte[] reversed = new byte[every.length]; // another body: canonical refuses a second identical tuple
        for (int i = 0; i < every.length; i++) {
            reversed[i] = every[every.length - 1 - i];
        }
        Map<String, String> signed = sign(scheme, "POST", path, reversed);
        List<String> head = new ArrayList<>(List.of("POST " + rawPath(path) + " HTTP/1.1", "Host: 127.0.0.1",
                "Content-Type: application/octet-stream", "Transfer-Encoding: chunked"));
        head.addAll(lines(signed, null, null));
        Answer chunked = RawHttp.send(SERVER.baseUri(), head, chunked(reversed, 100));
        assertEquals(200, chunked.status(), chunked.body());
        assertEquals(BodyHash.of(reversed).hex(), Json.field(chunked.body(), "bodySha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aSignatureMadeForOnePathIsNeverServedOnAnotherSpellingOfIt(Scheme scheme) {
        String plain = "/" + scheme.name() + "/get";
        Map<String, String> forPlain = sign(scheme, "GET", plain, new byte[0]);
        for (String other : List.of("/" + scheme.name() + "/%67et", "/x/.." + plain, "/" + scheme.name() + "//get")) {
            Answer respelled = RawHttp.send(SERVER.baseUri(), withHead("GET", other, forPlain), new byte[0]);
            assertTrue(respelled.status() < 500, other + " never fails the server: " + respelled.status());
            if (scheme.covers(dev.signet.core.scheme.Component.PATH)) {
                assertTrue(respelled.status() == 401 || respelled.status() == 404,
                        other + " is refused or not routed, never served: " + respelled.status());
            }
        }
        // The spelling that was signed is served; the container's routing of encoded paths is its own.
        assertEquals(200, RawHttp.send(SERVER.baseUri(), withHead("GET", plain, forPlain), new byte[0]).status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void sixtyFourConcurrentCopiesOfOneSignedRequestAreAcceptedOnce(Scheme scheme) throws Exception {
        String body = "{\"once\":\"" + java.util.UUID.randomUUID() + "\"}";
        Map<String, String> signed = sign(scheme, "POST", "/" + scheme.name() + "/post", body.getBytes(StandardCharsets.UTF_8));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(64);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> copies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            copies.add(pool.submit(() -> {
                start.await();
                List<String> head = withHead("POST", "/" + scheme.name() + "/post", signed);
                head.add("Content-Type: application/json");
                head.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
                return RawHttp.send(SERVER.baseUri(), head, body.getBytes(StandardCharsets.UTF_8)).status();
            }));
        }
        start.countDown();
        int accepted = 0;
        for (java.util.concurrent.Future<Integer> copy : copies) {
            accepted += copy.get() == 200 ? 1 : 0;
        }
        pool.shutdown();
        // timestamp-secret keeps no replay cache by its document: its HMAC is reusable for five minutes.
        assertEquals(scheme.replayKey() == dev.signet.core.scheme.ReplayKey.NONE ? 64 : 1, accepted);
    }

    @org.junit.jupiter.api.Test
    void aNonceUsedByOneKeyDoesNotBlockAnotherKey() {
        String nonce = java.util.UUID.randomUUID().toString();
        for (dev.signet.core.keys.ApiKey key : List.of(TestKeys.READER, TestKeys.WRITER)) {
            var headers = new RequestSigner(Presets.CANONICAL_NONCE, java.time.Clock.systemUTC(), () -> nonce)
                    .sign(new CanonicalRequest("GET", SERVER.baseUri().getRawPath() + "/canonical-nonce/get", BodyHash.EMPTY),
                            key.id(), key.signingSecret());
            Answer answer = RawHttp.send(SERVER.baseUri(), withHead("GET", "/canonical-nonce/get",
                    new LinkedHashMap<>(headers.headers())), new byte[0]);
            assertEquals(200, answer.status(), key.id() + ": " + answer.body());
        }
    }

    // ---- what every answer must be ----

    static void assertRefusedCleanly(Scheme scheme, Answer answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, "a 4xx, not " + answer.status() + ": " + answer.body());
        String type = answer.header("Content-Type");
        assertNotNull(type, "a body type");
        assertTrue(type.startsWith("application/json") || type.startsWith("application/problem+json"), type);
        String marker = switch (scheme.errorFormat()) {
            case DETAIL -> Json.field(answer.body(), "detail");
            case ENVELOPE -> Json.field(answer.body(), "code");
            case PROBLEM -> Json.field(answer.body(), "type");
        };
        assertNotNull(marker, "the scheme's own error format: " + answer.body());
        if (answer.status() == 401) {
            assertNotNull(answer.header("WWW-Authenticate"), "a 401 carries WWW-Authenticate");
        }
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), "no stack trace: " + answer.body());
        assertFalse(answer.body().contains(TestKeys.SECRET), "no secret: " + answer.body());
        assertFalse(answer.body().toLowerCase(java.util.Locale.ROOT).contains("grizzly")
                || answer.body().toLowerCase(java.util.Locale.ROOT).contains("jersey"), "no server software named");
    }

    // ---- helpers ----

    private static Map<String, String> sign(Scheme scheme, String method, String path, byte[] body) {
        URI uri = URI.create(SERVER.baseUri() + path);
        return new LinkedHashMap<>(RequestSigner.of(scheme).sign(new CanonicalRequest(method, uri.getRawPath(),
                BodyHash.of(body)), TestKeys.WRITER.id(), TestKeys.WRITER.signingSecret()).headers());
    }

    private static List<String> withHead(String method, String path, Map<String, String> signed) {
        List<String> head = new ArrayList<>(List.of(method + " " + rawPath(path) + " HTTP/1.1", "Host: 127.0.0.1"));
        head.addAll(lines(signed, null, null));
        return head;
    }

    private static String rawPath(String path) {
        return SERVER.baseUri().getRawPath() + path;
    }

    /** The signed headers as lines, with {@code header} replaced by {@code value} (or left out when null). */
    private static List<String> lines(Map<String, String> signed, String header, String value) {
        List<String> lines = new ArrayList<>();
        signed.forEach((name, v) -> {
            if (!name.equalsIgnoreCase(String.valueOf(header))) {
                lines.add(name + ": " + v);
            } else if (value != null) {
                lines.add(name + ": " + value);
            }
        });
        return lines;
    }

    private static String swapCase(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static byte[] chunked(byte[] body, int size) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
