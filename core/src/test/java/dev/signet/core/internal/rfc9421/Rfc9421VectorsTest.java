// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.HttpSignatures.Received;
import dev.signet.core.vectors.RfcVectors;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature example of RFC 9421 (Appendix B and sections 2.4, 2.5, 3 and 4.3), loaded as data: the
 * Signature-Input member parses and re-serializes to the printed value, the signature base is rebuilt from
 * the message byte for byte, deterministic signatures (hmac-sha256, ed25519, rsa-v1_5-sha256) are
 * reproduced, and every signature verifies with the printed public key and fails once one byte changes.
 */
class Rfc9421VectorsTest {

    static Stream<String> files() {
        return RfcVectors.SIGNATURE_FILES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void signatureInputParsesAndReserializesExactly(String file) {
        JsonObject v = RfcVectors.load(file);
        Received received = receivedOf(v);
        assertEquals(v.getString("signature_params"), received.params().serialized());
        assertEquals(v.getJsonArray("covered_components").getValuesAs(JsonString::getString),
                received.params().components().stream().map(ComponentId::serialized).toList());
        assertEquals(v.getString("key_id"), received.params().keyId());
        assertArrayEquals(Base64.getDecoder().decode(v.getString("signature_bytes_base64")), received.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void signatureBaseIsRebuiltByteForByte(String file) {
        JsonObject v = RfcVectors.load(file);
        String base = SignatureBase.of(RfcVectors.signedMessage(v), receivedOf(v).params(), FieldTypes.DEFAULT);
        assertEquals(v.getString("signature_base"), base);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void deterministicSignaturesAreReproduced(String file) {
        JsonObject v = RfcVectors.load(file);
        if (!v.getJsonObject("expected").getBoolean("reproducible")) {
            return; // randomized (RSA-PSS, ECDSA): verified below
        }
        SignatureAlgorithm alg = RfcVectors.algorithm(v);
        SigningKey key = alg.symmetric() ? SigningKey.hmac(RfcVectors.sharedSecret())
                : SigningKey.of(alg, RfcVectors.privateKey(v.getString("key_id")));
        HttpSignatures.Signed signed = HttpSignatures.sign(RfcVectors.signedMessage(v), v.getString("label"),
                receivedOf(v).params(), key, FieldTypes.DEFAULT);
        assertEquals(v.getString("signature_input"), signed.signatureInput());
        assertEquals(v.getString("signature"), signed.signatureField());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everySignatureVerifiesAndOneChangedByteBreaksIt(String file) {
        JsonObject v = RfcVectors.load(file);
        VerificationKey key = verificationKey(v);
        Received received = receivedOf(v);
        assertTrue(HttpSignatures.verify(RfcVectors.signedMessage(v), received, key, FieldTypes.DEFAULT));
        byte[] tampered = received.signature();
        tampered[tampered.length / 2] ^= 0x01;
        assertFalse(HttpSignatures.verify(RfcVectors.signedMessage(v),
                new Received(received.label(), received.params(), tampered), key, FieldTypes.DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void newSignaturesOverTheSameBaseVerify(String file) {
        JsonObject v = RfcVectors.load(file);
        SignatureAlgorithm alg = RfcVectors.algorithm(v);
        SigningKey key = alg.symmetric() ? SigningKey.hmac(RfcVectors.sharedSecret())
                : SigningKey.of(alg, RfcVectors.privateKey(v.getString("key_id")));
        HttpSignatures.Signed signed = HttpSignatures.sign(RfcVectors.signedMessage(v), "mine", receivedOf(v).params(),
                key, FieldTypes.DEFAULT);
        assertTrue(HttpSignatures.verify(RfcVectors.signedMessage(v),
                new Received("mine", signed.params(), signed.signature()), verificationKey(v), FieldTypes.DEFAULT));
        if (alg == SignatureAlgorithm.ECDSA_P256_SHA256) {
            assertEquals(64, signed.signature().length, "raw r||s, not DER");
        }
    }

    @Test
    void b4TransformationsVerifyWhereTheRfcSaysAndFailWhereItSaysNot() {
        JsonObject v = RfcVectors.load("b4_transform_ed25519.json");
        Received received = receivedOf(v);
        int valid = 0;
        for (JsonValue variant : v.getJsonArray("variants")) {
            JsonObject o = variant.asJsonObject();
            boolean expected = o.getBoolean("expected_valid");
            boolean verified;
            try {
                verified = HttpSignatures.verify(RfcVectors.request(o.getJsonObject("request")), received,
                        verificationKey(v), FieldTypes.DEFAULT);
            } catch (ComponentException missing) {
                verified = false;
            }
            assertEquals(expected, verified, o.getString("description"));
            valid += verified ? 1 : 0;
        }
        assertEquals(4, valid);
    }

    @Test
    void section43ProxyMessageCarriesTwoSignaturesAndEachVerifiesByItsLabel() {
        JsonObject v = RfcVectors.load("s4_3_proxy_sig_rsa_v1_5.json");
        JsonObject finalMessage = v.getJsonObject("final_message");
        Map<String, Received> all = HttpSignatures.read(RfcVectors.headers(finalMessage.getJsonArray("headers")));
        assertEquals(List.of("sig1", "proxy_sig"), List.copyOf(all.keySet()));
        assertTrue(HttpSignatures.verify(RfcVectors.request(finalMessage), all.get("proxy_sig"),
                VerificationKey.of(SignatureAlgorithm.RSA_V1_5_SHA256, RfcVectors.publicKey("test-key-rsa")), FieldTypes.DEFAULT));
        JsonObject client = RfcVectors.load("s4_3_client_sig1_ecdsa.json");
        assertTrue(HttpSignatures.verify(RfcVectors.signedMessage(client), all.get("sig1"),
                VerificationKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, RfcVectors.publicKey("test-key-ecc-p256")), FieldTypes.DEFAULT));
    }

    @Test
    void theAlgorithmIsTheKeys() {
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.of(SignatureAlgorithm.ED25519,
                RfcVectors.publicKey("test-key-ecc-p256")));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.of(SignatureAlgorithm.ECDSA_P384_SHA384,
                RfcVectors.publicKey("test-key-ecc-p256")));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of(SignatureAlgorithm.RSA_PSS_SHA512,
                RfcVectors.privateKey("test-key-ed25519")));
    }

    static Received receivedOf(JsonObject v) {
        Map<String, String> fields = Map.of("Signature-Input", v.getString("signature_input"), "Signature", v.getString("signature"));
        Map<String, Received> all = HttpSignatures.read(HeaderSource.of(fields));
        assertEquals(1, all.size());
        return all.get(v.getString("label"));
    }

    static VerificationKey verificationKey(JsonObject v) {
        SignatureAlgorithm alg = RfcVectors.algorithm(v);
        return alg.symmetric() ? VerificationKey.hmac(List.of(RfcVectors.sharedSecret()))
                : VerificationKey.of(alg, RfcVectors.publicKey(v.getString("key_id")));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
