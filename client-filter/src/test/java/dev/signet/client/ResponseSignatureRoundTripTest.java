// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.scheme.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Response signatures, both ends, one server key per algorithm of RFC 9421's registry: the provider signs
 * every rfc9421 response (signet.rfc9421.sign-responses) with its own key, bound to the request's signature;
 * the client feature, given the server's public key (or shared secret), verifies it and fails the call when a
 * response does not verify.
 */
class ResponseSignatureRoundTripTest {

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void theServerSignsItsResponsesAndTheClientVerifiesThem(SignatureAlgorithm alg) throws Exception {
        KeyPair client = HttpSignatureRoundTripTest.generate(SignatureAlgorithm.ED25519);
        KeyPair serverPair = alg.symmetric() ? null : HttpSignatureRoundTripTest.generate(alg);
        String serverSecret = "server-response-secret-0123456789";
        Path serverKey = Files.createTempFile("signet-response-key-", ".pem");
        Files.writeString(serverKey, alg.symmetric() ? serverSecret : PemKeys.toPem(serverPair.getPrivate()), StandardCharsets.US_ASCII);
        String keys = "{\"keys\":[{\"id\":\"caller\",\"algorithm\":\"ed25519\",\"publicKey\":"
                + JsonString.quote(PemKeys.toPem(client.getPublic())) + "}]}";
        try (Rfc9421ProviderServer server = Rfc9421ProviderServer.start(keys, Map.of(
                "signet.rfc9421.sign-responses", "true",
                "signet.rfc9421.response-key-id", "server-" + alg.rfcName(),
                "signet.rfc9421.response-algorithm", alg.rfcName(),
                "signet.rfc9421.response-key-file", serverKey.toString()))) {
            HttpSignatureFeature.Builder feature = HttpSignatureFeature.builder("caller").privateKey("ed25519", client.getPrivate());
            feature = alg.symmetric() ? feature.verifyResponsesWithSecret("server-hmac-sha256", serverSecret)
                    : feature.verifyResponses("server-" + alg.rfcName(), alg.rfcName(), serverPair.getPublic());
            Client verifying = ClientBuilder.newClient().register(feature.build());
            try {
                Response get = verifying.target(server.baseUri()).path("rfc9421/items").queryParam("id", "7").request().get();
                assertEquals(200, get.getStatus());
                assertTrue(get.getHeaderString("Signature-Input").startsWith("signet=(\"@status\" \"content-digest\" \"@method\";req"
                        + " \"@target-uri\";req \"signature\";req;key=\"sig1\");created="), get.getHeaderString("Signature-Input"));
                assertTrue(get.readEntity(String.class).contains("\"keyId\":\"caller\""));
                Response post = verifying.target(server.baseUri()).path("rfc9421/items").request().post(Entity.json("{\"a\":1}"));
                assertEquals(200, post.getStatus());
                post.close();
            } finally {
                verifying.close();
            }

            // A client that holds another key for the server fails the call rather than accept the answer.
            KeyPair other = alg.symmetric() ? null : HttpSignatureRoundTripTest.generate(alg);
            HttpSignatureFeature.Builder wrong = HttpSignatureFeature.builder("caller").privateKey("ed25519", client.getPrivate());
            wrong = alg.symmetric() ? wrong.verifyResponsesWithSecret("server-hmac-sha256", "another-secret")
                    : wrong.verifyResponses("server-" + alg.rfcName(), alg.rfcName(), other.getPublic());
            Client mistrusting = ClientBuilder.newClient().register(wrong.build());
            try {
                ProcessingException e = assertThrows(ProcessingException.class,
                        () -> mistrusting.target(server.baseUri()).path("rfc9421/items").request().get());
                assertTrue(String.valueOf(e.getMessage()).contains("does not verify")
                        || String.valueOf(e.getCause()).contains("does not verify"), e.toString());
                // A refusal (unsigned 401) reaches the application as it is.
                Client stranger = ClientBuilder.newClient().register(HttpSignatureFeature.builder("nobody")
                        .privateKey("ed25519", client.getPrivate()).verifyResponsesWithSecret("x", "y").build());
                try {
                    assertEquals(401, stranger.target(server.baseUri()).path("rfc9421/items").request().get().getStatus());
                } finally {
                    stranger.close();
                }
            } finally {
                mistrusting.close();
            }
        } finally {
            Files.deleteIfExists(serverKey);
        }
    }
}
