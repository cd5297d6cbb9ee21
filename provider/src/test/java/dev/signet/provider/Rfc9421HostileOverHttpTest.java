// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static dev.signet.provider.Rfc9421OverHttpTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.FieldTypes;
import dev.signet.core.internal.rfc9421.HttpMessage;
import dev.signet.core.internal.rfc9421.HttpSignatures;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SignatureParams;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.Rfc9421Http;
import dev.signet.provider.testing.Rfc9421Keys;
import dev.signet.provider.testing.Rfc9421Resource;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rfc9421 scheme over HTTP against signatures that are stale by {@code expires}, that claim an {@code alg}
 * other than the key's, and against hostile fields: a Signature-Input sent twice, a Signature too long. Each is
 * answered with an RFC 9457 problem naming the failure, never a 500.
 */
class Rfc9421HostileOverHttpTest {

    static final String ED_KEY = Rfc9421Keys.id(SignatureAlgorithm.ED25519);
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

    static Rfc9421Signer ed() {
        return Rfc9421Signer.builder(ED_KEY, Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).build();
    }

    /** A GET of {@code call}'s URI signed by hand with {@code key}, under {@code params} plus the usual components. */
    static Rfc9421Http.Call signedByHand(Rfc9421Http.Call call, SignatureParams.Builder params, SigningKey key) {
        params.component(ComponentId.of("@method")).component(ComponentId.of("@target-uri")).created(Instant.now())
                .keyId(ED_KEY).nonce(UUID.randomUUID().toString());
        HttpSignatures.Signed s = HttpSignatures.sign(HttpMessage.request(call.method, call.uri, HeaderSource.of(Map.of())),
                "sig1", params.build(), key, FieldTypes.DEFAULT);
        return call.header("Signature-Input", s.signatureInput()).header("Signature", s.signatureField());
    }

    @Test
    void aSignatureWhoseExpiresHasPassedIsRefusedThoughCreatedIsInsideTheWindow() {
        Rfc9421Signer brief = Rfc9421Signer.builder(ED_KEY, Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519))
                .expiresAfter(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.post("/rfc9421/echo", "{\"a\":1}")
                .signed(brief, Instant.now().minusSeconds(60), UUID.randomUUID().toString()).send();
        assertProblem(r, 401, "timestamp-out-of-window");
        assertEquals("Signature expired", Json.field(r.body(), "detail"));
        assertTrue(r.headers().firstValue("Accept-Signature").isPresent());

        // The same signer, its expires still ahead: accepted.
        assertEquals(200, http.post("/rfc9421/echo", "{\"a\":1}").signed(brief).send().statusCode());
    }

    @Test
    void anAlgThatDisagreesWithTheKeysAlgorithmIsRefused() {
        // Signed with the Ed25519 key's own private key: only the alg it claims is wrong.
        HttpResponse<String> r = signedByHand(http.get("/rfc9421/echo"), SignatureParams.builder().alg("rsa-pss-sha512"),
                Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).send();
        assertProblem(r, 401, "signature-mismatch");
        assertEquals("The signature's alg rsa-pss-sha512 is not the key's algorithm ed25519", Json.field(r.body(), "detail"));

        // Made with an HMAC secret, claiming hmac-sha256, for the Ed25519 key: the same refusal.
        Rfc9421Signer liar = Rfc9421Signer.builder(ED_KEY, SigningKey.hmac(Rfc9421Keys.HMAC_SECRET)).includeAlg(true).build();
        HttpResponse<String> hmac = http.get("/rfc9421/echo").signed(liar).send();
        assertProblem(hmac, 401, "signature-mismatch");
        assertEquals("The signature's alg hmac-sha256 is not the key's algorithm ed25519", Json.field(hmac.body(), "detail"));

        // An alg no registry knows is malformed before any key is looked up.
        HttpResponse<String> unknown = signedByHand(http.get("/rfc9421/echo"), SignatureParams.builder().alg("rot13"),
                Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).send();
        assertProblem(unknown, 401, "malformed-credentials");
        assertEquals("Unknown alg rot13", Json.field(unknown.body(), "detail"));

        // The key's own alg, claimed: accepted.
        assertEquals(200, signedByHand(http.get("/rfc9421/echo"), SignatureParams.builder().alg("ed25519"),
                Rfc9421Keys.signingKey(SignatureAlgorithm.ED25519)).send().statusCode());
    }

    @Test
    void aDuplicatedSignatureInputIsAnsweredWithAProblem() {
        // A second line redefining sig1 (the lines are one Dictionary; the last sig1 wins): the signature no longer matches.
        Rfc9421Http.Call redefined = http.get("/rfc9421/echo").signed(ed());
        redefined.also("Signature-Input", "sig1=(\"@method\" \"@target-uri\");created=" + Instant.now().getEpochSecond()
                + ";keyid=\"" + ED_KEY + "\"");
        assertProblem(redefined.send(), 401, "signature-mismatch");

        // A second line that is no Dictionary.
        Rfc9421Http.Call garbage = http.get("/rfc9421/echo").signed(ed());
        garbage.also("Signature-Input", "sig1=(\"@method\"");
        HttpResponse<String> r = garbage.send();
        assertProblem(r, 401, "malformed-credentials");
        assertTrue(Json.field(r.body(), "detail").startsWith("Malformed signature fields"), r.body());

        // A second line of another label with no Signature member: ignored, the signature stands.
        Rfc9421Http.Call other = http.get("/rfc9421/echo").signed(ed());
        other.also("Signature-Input", "sig9=(\"@method\");created=1");
        assertEquals(200, other.send().statusCode());

        // The same line twice: one member, as sent once; the nonce is then replayed on a resend.
        Rfc9421Http.Call twice = http.get("/rfc9421/echo").signed(ed());
        twice.also("Signature-Input", twice.headers.get("Signature-Input"));
        assertEquals(200, twice.send().statusCode());
        assertProblem(twice.send(), 401, "replayed");
    }

    @Test
    void anOversizedSignatureIsAnsweredWithAProblem() {
        // Beyond the scheme's 16 KiB: refused before parsing.
        Rfc9421Http.Call huge = http.get("/rfc9421/echo").signed(ed());
        huge.header("Signature", huge.headers.get("Signature") + ", pad=:" + "A".repeat(17 * 1024) + ":");
        HttpResponse<String> r = huge.send();
        assertProblem(r, 401, "malformed-credentials");
        assertEquals("Signature fields are too long", Json.field(r.body(), "detail"));

        // Just under it, in thousands of members: parsed, and the unrelated members ignored.
        Rfc9421Http.Call many = http.get("/rfc9421/echo").signed(ed());
        StringBuilder members = new StringBuilder(many.headers.get("Signature"));
        for (int i = 0; members.length() < 15 * 1024; i++) {
            members.append(", s").append(i).append("=:AAAA:");
        }
        many.header("Signature", members.toString());
        assertEquals(200, many.send().statusCode());

        // Under it, a Byte Sequence that is no base64, and one never closed.
        Rfc9421Http.Call bad = http.get("/rfc9421/echo").signed(ed());
        bad.header("Signature", "sig1=:" + "*".repeat(8 * 1024) + ":");
        assertProblem(bad.send(), 401, "malformed-credentials");
        Rfc9421Http.Call open = http.get("/rfc9421/echo").signed(ed());
        open.header("Signature", "sig1=:" + "A".repeat(12 * 1024));
        assertProblem(open.send(), 401, "malformed-credentials");
    }
}
