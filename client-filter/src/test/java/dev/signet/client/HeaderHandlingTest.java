// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.filter.EncodingFilter;
import org.glassfish.jersey.message.GZipEncoder;
import org.junit.jupiter.api.Test;

/** What reaches the server, header by header, in cases the round-trip contract cannot see from outside. */
class HeaderHandlingTest {

    private static final ApiKey KEY = ApiKey.of("k-2", "another-secret");
    private static final Scheme SCHEME = Presets.CANONICAL_NONCE;
    private static final String JSON = "{\"sourceWalletId\":\"w_123\",\"amount\":\"100.00\"}";

    @Test
    void aGzipEncodedBodyIsSignedOverTheCompressedBytesOnTheWire() {
        SignedLog log = new SignedLog();
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY);
                Client client = client(log).register(EncodingFilter.class).register(GZipEncoder.class)
                        .property(ClientProperties.USE_ENCODING, "gzip")) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("api/v1/transfers").request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            ReceivedExchange received = server.onlyRequest();
            assertTrue(answer.accepted(), answer::toString);
            assertEquals("gzip", received.header("Content-Encoding"));
            assertNotEquals(BodyHash.of(JSON.getBytes(StandardCharsets.UTF_8)).hex(), received.sha256());
            assertEquals(received.sha256(), log.only().request().bodyHash().hex());
        }
    }

    @Test
    void aPathRewrittenByAnEarlierFilterIsSignedAsSent() {
        SignedLog log = new SignedLog();
        ClientRequestFilter rewritesPath = request ->
                request.setUri(request.getUri().resolve("/api/v2/wallets/w%2042?page=1"));
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY);
                Client client = client(log).register(rewritesPath, Priorities.USER)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("api/v1/wallets").request().get());

            assertTrue(answer.accepted(), answer::toString);
            assertEquals("/api/v2/wallets/w%2042", server.onlyRequest().rawPath());
            assertEquals("/api/v2/wallets/w%2042", log.only().request().path());
        }
    }

    @Test
    void anEmptyEntityIsSignedOverTheEmptyBodyHash() {
        SignedLog log = new SignedLog();
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(log)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("api/v1/ping").request()
                    .post(Entity.entity("", MediaType.APPLICATION_JSON_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.EMPTY, log.only().request().bodyHash());
        }
    }

    @Test
    void theSchemesHeadersAreTheOnlyOnesAdded() {
        SignedLog log = new SignedLog();
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(log)) {
            Answer.of(client.target(server.baseUri()).path("api/v1/wallets").request().get());

            assertEquals(List.of("X-Api-Key", "X-Nonce", "X-Timestamp", "X-Signature"),
                    List.copyOf(log.only().headers().headers().keySet()));
        }
    }

    private static Client client(SignedLog log) {
        return ClientBuilder.newClient().register(SigningFeature.builder(SCHEME).keyId(KEY.id())
                .secret(KEY.signingSecret()).onSigned(log).build());
    }
}
