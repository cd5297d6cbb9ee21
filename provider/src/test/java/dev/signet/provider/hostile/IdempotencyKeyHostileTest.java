// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.OrderResource;
import dev.signet.provider.testing.RawHttp;
import dev.signet.provider.testing.RawHttp.Answer;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What broken clients and attackers put in {@code Idempotency-Key}, written byte by byte (a client library
 * would refuse most of it): the field twice (same or different values), a list in one field, a key far
 * over 255 characters, bytes beyond ASCII, control characters, Structured Fields parameters, an unclosed
 * or bad escape, an empty or blank value. Each properly signed request gets 400 in the scheme's format, the
 * resource never runs, nothing is kept for the key, and the server keeps serving.
 */
class IdempotencyKeyHostileTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(OrderResource.class);

    private static final String PATH = "/orders/create";

    @BeforeEach
    void reset() {
        OrderResource.RUNS.set(0);
        OrderResource.gate = null;
    }

    static Stream<Arguments> spoiled() {
        String uuid = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("the field twice, same value", List.of("\"" + uuid + "\"", "\"" + uuid + "\"")),
                Arguments.of("the field twice, two values", List.of("\"" + uuid + "\"", "\"other-" + uuid + "\"")),
                Arguments.of("a list in one field", List.of("\"a-" + uuid + "\", \"b-" + uuid + "\"")),
                Arguments.of("a bare list in one field", List.of("a-" + uuid + ",b-" + uuid)),
                Arguments.of("256 characters", List.of("\"" + "k".repeat(256) + "\"")),
                Arguments.of("256 characters, bare", List.of("k".repeat(256))),
                Arguments.of("4000 characters", List.of("\"" + "k".repeat(4000) + "\"")),
                Arguments.of("bytes beyond ASCII", List.of("\"cl\u00e9-" + uuid + "\"")),
                Arguments.of("bytes beyond ASCII, bare", List.of("cl\u00e9-" + uuid)),
                Arguments.of("a tab inside the quotes", List.of("\"a\tb-" + uuid + "\"")),
                Arguments.of("a control character", List.of("\"a\u0001b-" + uuid + "\"")),
                Arguments.of("a DEL", List.of("\"a\u007fb-" + uuid + "\"")),
                Arguments.of("Structured Fields parameters", List.of("\"" + uuid + "\";p=1")),
                Arguments.of("text after the closing quote", List.of("\"" + uuid + "\" trailing")),
                Arguments.of("no closing quote", List.of("\"" + uuid)),
                Arguments.of("an escape of a letter", List.of("\"a\\nb-" + uuid + "\"")),
                Arguments.of("a backslash at the end", List.of("\"" + uuid + "\\\"")),
                Arguments.of("an empty string", List.of("\"\"")),
                Arguments.of("a space inside a bare key", List.of("a " + uuid)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiled")
    void aSpoiledIdempotencyKeyIs400TheResourceNeverRunsAndTheServerKeepsServing(String what, List<String> values) {
        Answer answer = send(values);
        assertEquals(400, answer.status(), what + ": " + answer.body());
        assertTrue(answer.header("content-type").startsWith("application/json"), answer.header("content-type"));
        assertTrue(List.of("IDEMPOTENCY_KEY_MALFORMED", "IDEMPOTENCY_KEY_MISSING").contains(Json.field(answer.body(), "message")),
                answer.body());
        for (String value : values) {
            assertFalse(answer.body().contains(value.strip()) && value.length() > 8, "the answer echoes no caller bytes");
        }
        assertEquals(0, OrderResource.RUNS.get(), "the resource never ran");

        String fresh = "\"" + UUID.randomUUID() + "\"";
        Answer valid = send(List.of(fresh));
        assertEquals(201, valid.status(), "the next valid request is served: " + valid.body());
        Answer repeat = send(List.of(fresh));
        assertEquals(valid.body(), repeat.body(), "and its repeat is the first answer");
        assertEquals(1, OrderResource.RUNS.get());
    }

    @Test
    void anEmptyOrBlankFieldOnARequiredEndpointIs400AndNeverRuns() {
        for (String blank : new String[] {"", " ", "\t"}) {
            Answer answer = send(List.of(blank));
            assertEquals(400, answer.status(), "[" + blank + "]: " + answer.body());
        }
        assertEquals(0, OrderResource.RUNS.get());
    }

    @Test
    void exactly255CharactersIsAKey() {
        String key = UUID.randomUUID() + "k".repeat(255 - 36);
        assertEquals(255, key.length());
        Answer first = send(List.of("\"" + key + "\""));
        assertEquals(201, first.status(), first.body());
        assertEquals(first.body(), send(List.of(key)).body(), "quoted and bare spell the same key");
        assertEquals(1, OrderResource.RUNS.get());
    }

    /** A freshly signed POST to {@link #PATH} carrying one Idempotency-Key line per value. */
    private static Answer send(List<String> idempotencyKeys) {
        String body = "{\"amount\":\"1.00\"}";
        SignedHttp.Call call = SERVER.http().post(PATH, body).signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> head = new ArrayList<>(List.of("POST " + SERVER.baseUri().getRawPath() + PATH + " HTTP/1.1", "Host: 127.0.0.1",
                "Content-Type: application/json", "Content-Length: " + bytes.length));
        for (Map.Entry<String, String> h : call.headers.entrySet()) {
            head.add(h.getKey() + ": " + h.getValue());
        }
        for (String value : idempotencyKeys) {
            head.add("Idempotency-Key: " + value);
        }
        return RawHttp.send(SERVER.baseUri(), head, bytes);
    }
}
