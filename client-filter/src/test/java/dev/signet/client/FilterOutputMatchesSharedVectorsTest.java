// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.vectors.Vectors;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the clock and nonce fixed to a shared vector's, the headers the filter puts on the wire are the
 * vector's, byte for byte, and a server on the vector's clock accepts them. Expected values are read from
 * the vector files (core's test-jar), never retyped.
 */
class FilterOutputMatchesSharedVectorsTest {

    static Stream<Vectors.Case> lenme() {
        return Vectors.load(Vectors.LENME).stream();
    }

    /**
     * Cases whose timestamp a clock can produce ({@code Date.toISOString()} form) and whose access id can
     * travel in a header. The others test core's JSON escaping and timestamp reading, not the filter.
     */
    static Stream<Vectors.Case> tender() {
        Scheme scheme = Presets.JSON_PAYLOAD;
        return Vectors.load(Vectors.TENDER).stream()
                .filter(v -> scheme.timestampFormat().parse(v.get("timestamp"))
                        .map(t -> scheme.timestampFormat().format(t).equals(v.get("timestamp"))).orElse(false))
                .filter(v -> v.get("accessId").chars().allMatch(c -> c > 0x20 && c < 0x7F));
    }

    static Stream<Vectors.Case> canonicalHex() {
        return Vectors.load(Vectors.CANONICAL_HEX).stream();
    }

    static Stream<Vectors.Case> lampay() {
        return Vectors.load(Vectors.LAMPAY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenme")
    void timestampSecretFilterSendsEachLenmeVector(Vectors.Case v) {
        ReceivedExchange received = send(Presets.TIMESTAMP_SECRET, v, v.get("keyId"), null, "GET", "/anything", "");
        assertEquals(v.expected().get("X-HMAC"), received.header("X-HMAC"));
        assertEquals(v.get("timestamp"), received.header("X-Timestamp"));
        assertEquals(v.get("keyId"), received.header("X-API-KEY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tender")
    void jsonPayloadFilterSendsEachTenderVector(Vectors.Case v) {
        ReceivedExchange received = send(Presets.JSON_PAYLOAD, v, v.get("accessId"), v.get("requestId"),
                "POST", "/v1/api/agent/create", "{\"firstName\":\"John\"}");
        assertEquals(v.expected().get("authorization"), received.header("authorization"));
        assertEquals(v.get("requestId"), received.header("x-request-id"));
        assertEquals(v.get("timestamp"), received.header("x-timestamp"));
        assertEquals(v.get("accessId"), received.header("x-access-id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalHex")
    void canonicalFilterSendsEachCanonicalHexVector(Vectors.Case v) {
        ReceivedExchange received = send(Presets.CANONICAL, v, v.get("keyId"), null, v.get("method"), v.get("path"),
                v.get("body"));
        assertEquals(v.expected().get("X-Signature"), received.header("X-Signature"));
        assertEquals(v.get("timestamp"), received.header("X-Timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lampay")
    void canonicalNonceFilterSendsEachLampayVector(Vectors.Case v) {
        ReceivedExchange received = send(Presets.CANONICAL_NONCE, v, v.get("keyId"), v.get("nonce"), v.get("method"),
                v.get("path"), v.get("body"));
        assertEquals(v.expected().get("X-Signature"), received.header("X-Signature"));
        assertEquals(v.get("nonce"), received.header("X-Nonce"));
        assertEquals(v.get("timestamp"), received.header("X-Timestamp"));
    }

    /** Sends the vector's request through the filter, on the vector's clock, to a server on the same clock. */
    private static ReceivedExchange send(
            Scheme scheme, Vectors.Case v, String keyId, String nonce, String method, String path, String body) {
        Instant at = scheme.timestampFormat().parse(v.get("timestamp")).orElseThrow();
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        SigningFeature feature = SigningFeature.builder(scheme).keyId(keyId).secret(v.get("secret")).clock(clock)
                .nonces(() -> nonce).build();
        try (JdkVerifyingServer server = JdkVerifyingServer.start(scheme, ApiKey.of(keyId, v.get("secret")), clock);
                Client client = ClientBuilder.newClient().register(feature)) {
            var request = client.target(server.baseUri().resolve(path)).request();
            Answer answer = Answer.of(body.isEmpty() ? request.method(method)
                    : request.method(method, Entity.entity(body, MediaType.APPLICATION_JSON_TYPE)));
            assertTrue(answer.accepted(), answer::toString);
            return server.onlyRequest();
        }
    }
}
