// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.PublicVerificationKey;
import dev.signet.core.vectors.RfcVectors;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.internal.verification.Verified;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rfc9421 scheme through core's one pipeline: each algorithm, each policy rule, replay, expiry, and the RFC's own B.2.3 request. */
class Rfc9421SchemeTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String TARGET = "https://api.example.com/ctx/api/items?id=7";
    static final byte[] BODY = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);

    /** One key per algorithm of the registry, made fresh for the run. */
    static Stream<SignatureAlgorithm> algorithms() {
        return Stream.of(SignatureAlgorithm.values());
    }

    static final Map<SignatureAlgorithm, KeyPair> PAIRS = new ConcurrentHashMap<>();

    static KeyPair pair(SignatureAlgorithm alg) {
        return PAIRS.computeIfAbsent(alg, a -> {
            try {
                KeyPairGenerator g;
                switch (a) {
                    case ED25519 -> g = KeyPairGenerator.getInstance("Ed25519");
                    case ECDSA_P256_SHA256 -> {
                        g = KeyPairGenerator.getInstance("EC");
                        g.initialize(new ECGenParameterSpec("secp256r1"));
                    }
                    case ECDSA_P384_SHA384 -> {
                        g = KeyPairGenerator.getInstance("EC");
                        g.initialize(new ECGenParameterSpec("secp384r1"));
                    }
                    default -> {
                        g = KeyPairGenerator.getInstance("RSA");
                        g.initialize(2048);
                    }
                }
                return g.generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static ApiKey apiKey(SignatureAlgorithm alg) {
        ApiKey.Builder b = ApiKey.builder("k-" + alg.rfcName());
        return alg.symmetric() ? b.secret("shared-secret-0123456789").build()
                : b.publicKey(new PublicVerificationKey(alg, pair(alg).getPublic())).build();
    }

    static SigningKey signingKey(SignatureAlgorithm alg) {
        return alg.symmetric() ? SigningKey.hmac("shared-secret-0123456789") : SigningKey.of(alg, pair(alg).getPrivate());
    }

    /** A request being built: method, target, headers, body. */
    static final class Req {
        String method = "POST";
        String target = TARGET;
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byte[] body = BODY;

        Req header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        Req signed(Rfc9421Signer signer, Instant created, String nonce) {
            if (body.length > 0) {
                header("Content-Length", Integer.toString(body.length));
            }
            Map<DigestAlgorithm, byte[]> digests = null;
            if (body.length > 0) {
                ContentDigest.Hasher h = new ContentDigest.Hasher(EnumSet.of(signer.digestAlgorithm()));
                h.update(body, 0, body.length);
                digests = h.finish();
            }
            signer.sign(method, target, HeaderSource.ofLists(headers), digests, created, nonce).headers().forEach(this::header);
            return this;
        }

        Req withBody(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        ReceivedRequest received() {
            java.net.URI uri = java.net.URI.create(target);
            return new ReceivedRequest(method, uri.getRawPath(), uri.getRawQuery(), HeaderSource.ofLists(headers), "127.0.0.1", target);
        }
    }

    static final class Server {
        final Map<String, ApiKey> keys = new LinkedHashMap<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        Rfc9421Policy policy = Rfc9421Policy.DEFAULT;

        Server key(ApiKey key) {
            keys.put(key.id(), key);
            return this;
        }

        Verification verify(Req req, Instant at) {
            Ports.ReplayStore replay = new Ports.ReplayStore() {
                @Override
                public boolean contains(String k) {
                    return seen.contains(k);
                }

                @Override
                public boolean putIfAbsent(String k, Duration lifespan) {
                    return seen.add(k);
                }
            };
            VerificationPipeline pipeline = VerificationPipeline.forServer(new Rfc9421Scheme(policy),
                    Clock.fixed(at, ZoneOffset.UTC), id -> Optional.ofNullable(keys.get(id)), replay, Ports.RateBudget.unlimited(),
                    r -> Optional.empty(), Ports.TenantBinding.none()).diagnostics(true).build();
            try {
                return pipeline.verify(req.received(), BodySource.of(req.body), Endpoint.scoped(Set.of()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Refusal refused(Verification v, Failure failure) {
        Refusal r = assertInstanceOf(Refusal.class, v, "expected a refusal");
        assertEquals(failure, r.failure(), r.detail());
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void eachAlgorithmVerifiesWithAndWithoutABodyAndATamperedBodyIsRefused(SignatureAlgorithm alg) {
        Server server = new Server().key(apiKey(alg));
        Rfc9421Signer signer = Rfc9421Signer.builder("k-" + alg.rfcName(), signingKey(alg)).build();
        Verified ok = assertInstanceOf(Verified.class, server.verify(new Req().signed(signer, NOW, "n-1"), NOW));
        assertEquals("k-" + alg.rfcName(), ok.key().id());

        Req get = new Req();
        get.method = "GET";
        get.body = new byte[0];
        assertInstanceOf(Verified.class, server.verify(get.signed(signer, NOW, "n-2"), NOW));

        Req tampered = new Req().signed(signer, NOW, "n-3");
        tampered.body = "{\"amount\":900}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Content-Digest does not match the body", refused(server.verify(tampered, NOW), Failure.SIGNATURE_MISMATCH).detail());

        Req otherTarget = new Req().signed(signer, NOW, "n-4");
        otherTarget.target = "https://api.example.com/ctx/api/items?id=8";
        Refusal mismatch = refused(server.verify(otherTarget, NOW), Failure.SIGNATURE_MISMATCH);
        assertTrue(mismatch.signedString().orElseThrow().startsWith("\"@method\": POST\n\"@target-uri\": https://api.example.com/ctx/api/items?id=8\n"),
                "diagnostics show the server's base");
    }

    @Test
    void anAlgParameterThatDisagreesWithTheKeyIsRefused() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ED25519));
        // The key is an Ed25519 key; a signature claiming hmac-sha256 (made with some secret) is refused at step 7.
        Rfc9421Signer liar = Rfc9421Signer.builder("k-ed25519", SigningKey.hmac("guess")).includeAlg(true).build();
        assertEquals("The signature's alg hmac-sha256 is not the key's algorithm ed25519",
                refused(server.verify(new Req().signed(liar, NOW, "n"), NOW), Failure.SIGNATURE_MISMATCH).detail());
        Rfc9421Signer honest = Rfc9421Signer.builder("k-ed25519", signingKey(SignatureAlgorithm.ED25519)).includeAlg(true).build();
        assertInstanceOf(Verified.class, server.verify(new Req().signed(honest, NOW, "n2"), NOW));
    }

    @Test
    void thePolicyNamesWhatIsMissing() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ED25519));
        SigningKey key = signingKey(SignatureAlgorithm.ED25519);
        // Signed by hand: only @authority and @path, over a request with a query and a body.
        Req req = new Req().header("Content-Length", "14");
        SignatureParams params = SignatureParams.builder().component(ComponentId.of("@authority")).component(ComponentId.of("@path"))
                .created(NOW).keyId("k-ed25519").build();
        HttpSignatures.Signed s = HttpSignatures.sign(HttpMessage.request("POST", TARGET, HeaderSource.ofLists(req.headers)), "sig1",
                params, key, FieldTypes.DEFAULT);
        req.header("Signature-Input", s.signatureInput()).header("Signature", s.signatureField());
        assertEquals("The signature must cover @method, @target-uri (or @authority and @path and @query), content-digest",
                refused(server.verify(req, NOW), Failure.POLICY_NOT_MET).detail());

        server.policy = Rfc9421Policy.DEFAULT.withNonceRequired(true).withTag("app-1")
                .withRequired(List.of(ComponentId.of("content-type")));
        Rfc9421Signer plain = Rfc9421Signer.builder("k-ed25519", key).build();
        Req noExtras = new Req().signed(plain, NOW, null);
        assertEquals("No signature tagged app-1", refused(server.verify(noExtras, NOW), Failure.POLICY_NOT_MET).detail());
        Rfc9421Signer tagged = Rfc9421Signer.builder("k-ed25519", key).tag("app-1").build();
        assertEquals("The signature must cover content-type, a nonce",
                refused(server.verify(new Req().signed(tagged, NOW, null), NOW), Failure.POLICY_NOT_MET).detail());
        Rfc9421Signer complete = Rfc9421Signer.builder("k-ed25519", key).tag("app-1").cover(ComponentId.of("content-type")).build();
        assertInstanceOf(Verified.class, server.verify(new Req().header("Content-Type", "application/json").signed(complete, NOW, "n-1"), NOW));
    }

    @Test
    void theWindowIsCreatedsBothWaysAndExpiresIsHonoured() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ED25519));
        Rfc9421Signer signer = Rfc9421Signer.builder("k-ed25519", signingKey(SignatureAlgorithm.ED25519)).build();
        assertInstanceOf(Verified.class, server.verify(new Req().signed(signer, NOW.minusSeconds(300), "a"), NOW));
        assertInstanceOf(Verified.class, server.verify(new Req().signed(signer, NOW.plusSeconds(300), "b"), NOW));
        refused(server.verify(new Req().signed(signer, NOW.minusSeconds(301), "c"), NOW), Failure.TIMESTAMP_OUT_OF_WINDOW);
        refused(server.verify(new Req().signed(signer, NOW.plusSeconds(301), "d"), NOW), Failure.TIMESTAMP_OUT_OF_WINDOW);

        Rfc9421Signer brief = Rfc9421Signer.builder("k-ed25519", signingKey(SignatureAlgorithm.ED25519))
                .expiresAfter(Duration.ofSeconds(10)).build();
        assertInstanceOf(Verified.class, server.verify(new Req().signed(brief, NOW, "e"), NOW.plusSeconds(10)));
        assertEquals("Signature expired",
                refused(server.verify(new Req().signed(brief, NOW, "f"), NOW.plusSeconds(11)), Failure.TIMESTAMP_OUT_OF_WINDOW).detail());
    }

    @Test
    void aReplayIsRefusedByNonceOrWithoutOneBySignature() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ECDSA_P256_SHA256));
        Rfc9421Signer signer = Rfc9421Signer.builder("k-ecdsa-p256-sha256", signingKey(SignatureAlgorithm.ECDSA_P256_SHA256)).build();
        Req once = new Req().signed(signer, NOW, "nonce-1");
        assertInstanceOf(Verified.class, server.verify(once, NOW));
        refused(server.verify(once, NOW), Failure.REPLAYED);
        // The same nonce on a new signature of another request is still the same (key, nonce).
        Req sameNonce = new Req().signed(signer, NOW.plusSeconds(1), "nonce-1");
        refused(server.verify(sameNonce, NOW), Failure.REPLAYED);

        Req noNonce = new Req().signed(signer, NOW, null);
        assertInstanceOf(Verified.class, server.verify(noNonce, NOW));
        refused(server.verify(noNonce, NOW), Failure.REPLAYED);
    }

    @Test
    void severalSignaturesAreChosenByLabelOrTheFirstThatMeetsThePolicy() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ED25519));
        SigningKey key = signingKey(SignatureAlgorithm.ED25519);
        Req req = new Req().header("Content-Length", "14");
        // A proxy's signature first, covering too little; then the client's.
        SignatureParams proxyParams = SignatureParams.builder().component(ComponentId.of("@path")).created(NOW).keyId("k-ed25519").build();
        HttpSignatures.Signed proxy = HttpSignatures.sign(HttpMessage.request("POST", TARGET, HeaderSource.ofLists(req.headers)), "proxy",
                proxyParams, key, FieldTypes.DEFAULT);
        Req signed = req.signed(Rfc9421Signer.builder("k-ed25519", key).label("client").build(), NOW, "n");
        signed.headers.put("Signature-Input", List.of(proxy.signatureInput() + ", " + signed.headers.get("Signature-Input").get(0)));
        signed.headers.put("Signature", List.of(proxy.signatureField(), signed.headers.get("Signature").get(0)));
        assertInstanceOf(Verified.class, server.verify(signed, NOW));

        server.policy = Rfc9421Policy.DEFAULT.withLabel("proxy");
        assertTrue(refused(server.verify(signed, NOW), Failure.POLICY_NOT_MET).detail().startsWith("The signature must cover @method"));
        server.policy = Rfc9421Policy.DEFAULT.withLabel("other");
        assertEquals("No signature labelled other", refused(server.verify(signed, NOW), Failure.POLICY_NOT_MET).detail());
    }

    @Test
    void acceptSignatureDescribesWhatThisRequestNeeds() {
        Req post = new Req().header("Content-Length", "14");
        Rfc9421Scheme scheme = new Rfc9421Scheme(Rfc9421Policy.DEFAULT);
        assertEquals(Map.of("Accept-Signature", "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created"),
                scheme.challengeHeaders(post.received()));
        Req get = new Req();
        get.method = "GET";
        Rfc9421Scheme strict = new Rfc9421Scheme(Rfc9421Policy.DEFAULT.withNonceRequired(true).withTag("app-1").withLabel("req")
                .withRequired(List.of(ComponentId.of("content-type"))));
        assertEquals(Map.of("Accept-Signature", "req=(\"@method\" \"@target-uri\" \"content-type\");created;nonce;tag=\"app-1\""),
                strict.challengeHeaders(get.received()));
    }

    @Test
    void malformedFieldsAreRefusedNeverThrown() {
        Server server = new Server().key(apiKey(SignatureAlgorithm.ED25519));
        String[][] cases = {
            {"sig1=(\"@method\";created=1", "sig1=:AAAA:"},
            {"sig1=(\"@method\");created=1;keyid=\"k-ed25519\"", "sig1=\"text\""},
            {"sig1=(\"@unknown\");created=1;keyid=\"k-ed25519\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@method\");created=1;keyid=\"k-ed25519\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@target-uri\");created=\"1\";keyid=\"k-ed25519\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@target-uri\");created=1;keyid=\"k-ed25519\";alg=\"md5\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@target-uri\" \"x-absent\");created=1;keyid=\"k-ed25519\"", "sig1=:AAAA:"},
            {"sig1=(\"@method\" \"@target-uri\");created=1", "sig1=:AAAA:"},
            {"sig2=(\"@method\" \"@target-uri\");created=1;keyid=\"k\"", "sig1=:AAAA:"},
            {"\u00ff", "\u0000"},
        };
        for (String[] c : cases) {
            Req req = new Req();
            req.method = "GET";
            req.body = new byte[0];
            req.header("Signature-Input", c[0]).header("Signature", c[1]);
            Refusal r = assertInstanceOf(Refusal.class, server.verify(req, NOW), c[0]);
            assertEquals(Failure.MALFORMED_CREDENTIALS, r.failure(), c[0] + " -> " + r.detail());
        }
        Req none = new Req();
        refused(server.verify(none, NOW), Failure.MISSING_CREDENTIALS);
    }

    @Test
    void rfcB23RequestVerifiesThroughThePipelineAndB26IsRefusedByTheDefaultPolicy() {
        JsonObject v = RfcVectors.load("b2_3_rsa_pss_full.json");
        JsonObject r = v.getJsonObject("request");
        Server server = new Server().key(ApiKey.builder("test-key-rsa-pss")
                .publicKey(new PublicVerificationKey(SignatureAlgorithm.RSA_PSS_SHA512, RfcVectors.publicKey("test-key-rsa-pss"))).build());
        Req req = fromVector(v);
        Instant created = Instant.ofEpochSecond(v.getJsonObject("params").getJsonNumber("created").longValue());
        assertInstanceOf(Verified.class, server.verify(req, created));
        refused(server.verify(req, created), Failure.REPLAYED);
        server.seen.clear();
        byte[] changed = (r.getString("body") + " ").getBytes(StandardCharsets.UTF_8);
        assertEquals("Content-Digest does not match the body", refused(server.verify(fromVector(v).withBody(changed), created),
                Failure.SIGNATURE_MISMATCH).detail());

        JsonObject b26 = RfcVectors.load("b2_6_ed25519.json");
        Server ed = new Server().key(ApiKey.builder("test-key-ed25519")
                .publicKey(new PublicVerificationKey(SignatureAlgorithm.ED25519, RfcVectors.publicKey("test-key-ed25519"))).build());
        assertEquals("The signature must cover @target-uri (or @authority and @path and @query), content-digest",
                refused(ed.verify(fromVector(b26), created), Failure.POLICY_NOT_MET).detail());
    }

    static Req fromVector(JsonObject v) {
        JsonObject r = v.getJsonObject("request");
        Req req = new Req();
        req.method = r.getString("method");
        req.target = r.getString("target_uri");
        req.body = RfcVectors.body(r);
        for (var h : r.getJsonArray("headers")) {
            req.header(h.asJsonArray().getString(0), h.asJsonArray().getString(1));
        }
        req.header("Signature-Input", v.getString("signature_input")).header("Signature", v.getString("signature"));
        return req;
    }
}
