// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.scheme.JsonString;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client feature against the provider's real filter, for each algorithm of RFC 9421's registry, with and
 * without a body: the key file holds one key per algorithm (a secret for hmac-sha256, a PEM public key for the
 * others), the client signs with the secret or the private key (as a PrivateKey or as PEM).
 */
class HttpSignatureRoundTripTest {

    static final String SECRET = "round-trip-secret-0123456789";
    static final Map<SignatureAlgorithm, KeyPair> PAIRS = new EnumMap<>(SignatureAlgorithm.class);
    static Rfc9421ProviderServer server;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            if (alg.symmetric()) {
                keys.add("{\"id\":\"k-hmac-sha256\",\"algorithm\":\"hmac-sha256\",\"secret\":" + JsonString.quote(SECRET) + "}");
                continue;
            }
            KeyPair pair = generate(alg);
            PAIRS.put(alg, pair);
            keys.add("{\"id\":\"k-" + alg.rfcName() + "\",\"algorithm\":\"" + alg.rfcName() + "\",\"publicKey\":"
                    + JsonString.quote(PemKeys.toPem(pair.getPublic())) + "}");
        }
        server = Rfc9421ProviderServer.start("{\"keys\":[" + String.join(",", keys) + "]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static KeyPair generate(SignatureAlgorithm alg) throws GeneralSecurityException {
        KeyPairGenerator g;
        switch (alg) {
            case ED25519 -> g = KeyPairGenerator.getInstance("Ed25519");
            case ECDSA_P256_SHA256, ECDSA_P384_SHA384 -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(alg == SignatureAlgorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"));
            }
            default -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
            }
        }
        return g.generateKeyPair();
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.values());
    }

    static HttpSignatureFeature.Builder feature(SignatureAlgorithm alg) {
        HttpSignatureFeature.Builder b = HttpSignatureFeature.builder("k-" + alg.rfcName());
        return alg.symmetric() ? b.secret(SECRET)
                : alg == SignatureAlgorithm.ED25519 ? b.privateKeyPem("ed25519", PemKeys.toPem(PAIRS.get(alg).getPrivate()))
                : b.privateKey(alg, PAIRS.get(alg).getPrivate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void eachAlgorithmRoundTripsWithAndWithoutABody(SignatureAlgorithm alg) throws Exception {
        Client client = ClientBuilder.newClient().register(feature(alg).build());
        try {
            Response get = client.target(server.baseUri()).path("rfc9421/items").queryParam("q", "a b").request().get();
            String getBody = get.readEntity(String.class);
            assertEquals(200, get.getStatus(), getBody);
            assertEquals("k-" + alg.rfcName(), json(getBody).getString("keyId"));

            String entity = "{\"amount\":100,\"note\":\"caf\u00e9\"}";
            Response post = client.target(server.baseUri()).path("rfc9421/items").request()
                    .post(Entity.json(entity));
            String postBody = post.readEntity(String.class);
            assertEquals(200, post.getStatus(), postBody);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entity.getBytes(StandardCharsets.UTF_8))),
                    json(postBody).getString("sha256"));
        } finally {
            client.close();
        }
    }

    @Test
    void sha512DigestAlgAndExpiresAreAcceptedAndEveryAttemptIsFresh() {
        AtomicInteger n = new AtomicInteger();
        Client client = ClientBuilder.newClient().register(feature(SignatureAlgorithm.ECDSA_P256_SHA256)
                .digest(DigestAlgorithm.SHA_512).includeAlg(true).expiresAfter(java.time.Duration.ofSeconds(30))
                .nonces(() -> "nonce-" + n.incrementAndGet()).build());
        try {
            var request = client.target(server.baseUri()).path("rfc9421/again").request();
            for (int i = 0; i < 3; i++) {
                Response r = request.put(Entity.json("{\"i\":" + i + "}"));
                assertEquals(200, r.getStatus(), r.readEntity(String.class));
            }
            assertEquals(3, n.get(), "one nonce per attempt");
        } finally {
            client.close();
        }
    }

    @Test
    void aCallThatAlreadyCarriesASignatureFieldFailsAndNothingIsSent() {
        Client client = ClientBuilder.newClient().register(feature(SignatureAlgorithm.ED25519).build());
        try {
            ProcessingException e = assertThrows(ProcessingException.class, () -> client.target(server.baseUri())
                    .path("rfc9421/x").request().header("Content-Digest", "sha-256=:AAAA:").get());
            assertTrue(String.valueOf(e.getCause()).contains("Content-Digest"), String.valueOf(e.getCause()));
        } finally {
            client.close();
        }
    }

    @Test
    void aWrongKeyIsRefusedWithAcceptSignature() {
        Client client = ClientBuilder.newClient().register(HttpSignatureFeature.builder("k-ed25519")
                .privateKey(SignatureAlgorithm.ED25519, otherEd25519()).build());
        try {
            Response r = client.target(server.baseUri()).path("rfc9421/x").request().get();
            assertEquals(401, r.getStatus());
            assertEquals("https://signet.dev/problems/signature-mismatch", json(r.readEntity(String.class)).getString("type"));
            assertEquals("sig1=(\"@method\" \"@target-uri\");created", r.getHeaderString("Accept-Signature"));
        } finally {
            client.close();
        }
    }

    @Test
    void theFeatureNeverPrintsItsKey() {
        String text = feature(SignatureAlgorithm.HMAC_SHA256).build().toString();
        assertFalse(text.contains(SECRET), text);
    }

    static java.security.PrivateKey otherEd25519() {
        try {
            return generate(SignatureAlgorithm.ED25519).getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
