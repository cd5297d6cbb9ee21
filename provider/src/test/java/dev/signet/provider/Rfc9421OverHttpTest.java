// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.FieldTypes;
import dev.signet.core.internal.rfc9421.HttpMessage;
import dev.signet.core.internal.rfc9421.HttpSignatures;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SignatureParams;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.Rfc9421Http;
import dev.signet.provider.testing.Rfc9421Keys;
import dev.signet.provider.testing.Rfc9421Resource;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rfc9421 scheme through the real filter over HTTP: every algorithm with and without a body, each refusal
 * with its problem type and, on a 401, its Accept-Signature; replay through the same store; the policy from
 * settings, a per-endpoint variant, and a bad setting failing the deployment.
 */
class Rfc9421OverHttpTest {

    static SignetTestServer server;
    static Rfc9421Http http;

    @BeforeAll
    static void start() {
        server = SignetTestServer.start(new TestSettings(Map.of(), null, Rfc9421Keys.repository()),
                SignetTestServer.CONTEXT, SignetTestServer.APPLICATION, Rfc9421Resource.class);
        http = new Rfc9421Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.values());
    }

    static Rfc9421Signer signer(SignatureAlgorithm alg) {
        return Rfc9421Signer.builder(Rfc9421Keys.id(alg), Rfc9421Keys.signingKey(alg)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void eachAlgorithmIsAcceptedWithAndWithoutABodyAndTheResourceReadsTheSignedBytes(SignatureAlgorithm alg) throws Exception {
        HttpResponse<String> get = http.get("/rfc9421/echo?page=2&q=a%20b").signed(signer(alg)).send();
        assertEquals(200, get.statusCode(), get.body());
        assertEquals(Rfc9421Keys.id(alg), Json.field(get.body(), "keyId"));

        String body = "{\"amount\":100,\"note\":\"caf\u00e9\"}";
        HttpResponse<String> post = http.post("/rfc9421/echo", body).signed(signer(alg)).send();
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))),
                Json.field(post.body(), "bodySha256"));
    }

    @Test
    void sha512ContentDigestIsAcceptedToo() {
        Rfc9421Signer signer = Rfc9421Signer.builder(Rfc9421Keys.id(SignatureAlgorithm.ED25519),
                Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).digest(DigestAlgorithm.SHA_512).build();
        Rfc9421Http.Call call = http.post("/rfc9421/echo", "{\"a\":1}").signed(signer);
        assertTrue(call.headers.get("Content-Digest").startsWith("sha-512=:"));
        assertEquals(200, call.send().statusCode());
    }

    @Test
    void anUnsignedRequestGets401WithAcceptSignature() {
        HttpResponse<String> r = http.post("/rfc9421/echo", "{}").send();
        assertProblem(r, 401, "missing-credentials");
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created",
                r.headers().firstValue("Accept-Signature").orElseThrow());
        HttpResponse<String> get = http.get("/rfc9421/echo").send();
        assertEquals("sig1=(\"@method\" \"@target-uri\");created", get.headers().firstValue("Accept-Signature").orElseThrow());
    }

    @Test
    void aSignatureThatCoversTooLittleIsRefusedNamingWhatIsMissing() {
        Rfc9421Http.Call call = http.post("/rfc9421/echo?x=1", "{\"a\":1}");
        // Covers @authority and @path only: no @method, no @query for this query, no content-digest for this body.
        SignatureParams params = SignatureParams.builder().component(ComponentId.of("@authority")).component(ComponentId.of("@path"))
                .created(Instant.now()).keyId(Rfc9421Keys.id(SignatureAlgorithm.ED25519)).build();
        HttpSignatures.Signed s = HttpSignatures.sign(HttpMessage.request("POST", call.uri, HeaderSource.of(Map.of())), "sig1",
                params, Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519), FieldTypes.DEFAULT);
        HttpResponse<String> r = call.header("Signature-Input", s.signatureInput()).header("Signature", s.signatureField()).send();
        assertProblem(r, 401, "policy-not-met");
        assertEquals("The signature must cover @method, @target-uri (or @authority and @path and @query), content-digest",
                Json.field(r.body(), "detail"));
        assertTrue(r.headers().firstValue("Accept-Signature").isPresent());
    }

    @Test
    void aChangedBodyATamperedTargetAStaleSignatureAReplayAndAnUnknownKeyAreRefused() {
        Rfc9421Signer ed = signer(SignatureAlgorithm.ED25519);
        Rfc9421Http.Call changed = http.post("/rfc9421/echo", "{\"amount\":100}").signed(ed);
        changed.body = "{\"amount\":900}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = changed.send();
        assertProblem(r, 401, "signature-mismatch");
        assertEquals("Content-Digest does not match the body", Json.field(r.body(), "detail"));
        assertTrue(r.headers().firstValue("Accept-Signature").isPresent());

        Rfc9421Http.Call elsewhere = http.get("/rfc9421/echo?page=1").signed(ed);
        Rfc9421Http.Call moved = http.get("/rfc9421/echo?page=2");
        moved.headers.putAll(elsewhere.headers);
        assertProblem(moved.send(), 401, "signature-mismatch");

        assertProblem(http.get("/rfc9421/echo").signed(ed, Instant.now().minusSeconds(400), "stale").send(), 401,
                "timestamp-out-of-window");

        Rfc9421Http.Call once = http.get("/rfc9421/echo").signed(ed);
        assertEquals(200, once.send().statusCode());
        assertProblem(once.send(), 401, "replayed");
        Rfc9421Http.Call noNonce = http.get("/rfc9421/echo").signed(ed, Instant.now(), null);
        assertEquals(200, noNonce.send().statusCode());
        assertProblem(noNonce.send(), 401, "replayed");

        Rfc9421Signer stranger = Rfc9421Signer.builder("nobody", Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).build();
        assertProblem(http.get("/rfc9421/echo").signed(stranger).send(), 401, "unknown-key");
    }

    @Test
    void aMissingScopeIs403WithoutAChallenge() {
        HttpResponse<String> r = http.post("/rfc9421/scoped", "{}").signed(signer(SignatureAlgorithm.ED25519)).send();
        assertProblem(r, 403, "scope-missing");
        assertFalse(r.headers().firstValue("Accept-Signature").isPresent());
        Rfc9421Signer writer = Rfc9421Signer.builder("rfc-writer", Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).build();
        assertEquals(200, http.post("/rfc9421/scoped", "{}").signed(writer).send().statusCode());
    }

    @Test
    void theKeyFileTakesAsymmetricKeys() {
        String pem = dev.signet.core.internal.crypto.PemKeys.toPem(Rfc9421Keys.pair(SignatureAlgorithm.ED25519).getPublic());
        var keys = dev.signet.provider.keys.KeyFile.parse(new StringReader("{\"keys\":[{\"id\":\"partner-ed\",\"algorithm\":\"ed25519\","
                + "\"publicKey\":" + dev.signet.core.scheme.JsonString.quote(pem) + ",\"status\":\"active\",\"scopes\":[\"demo:write\"]}]}"));
        var key = keys.find("partner-ed").orElseThrow();
        assertEquals(SignatureAlgorithm.ED25519, key.publicKey().algorithm());
        assertTrue(key.secrets().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> dev.signet.provider.keys.KeyFile.parse(new StringReader(
                "{\"keys\":[{\"id\":\"k\",\"algorithm\":\"ecdsa-p256-sha256\",\"publicKey\":" + dev.signet.core.scheme.JsonString.quote(pem) + "}]}")));
        assertThrows(IllegalArgumentException.class, () -> dev.signet.provider.keys.KeyFile.parse(new StringReader(
                "{\"keys\":[{\"id\":\"k\",\"algorithm\":\"ed25519\"}]}")));
    }

    static void assertProblem(HttpResponse<String> r, int status, String slug) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("https://signet.dev/problems/" + slug, Json.field(r.body(), "type"), r.body());
    }
}
