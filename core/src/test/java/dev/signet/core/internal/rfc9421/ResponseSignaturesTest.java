// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.vectors.RfcVectors;
import dev.signet.core.internal.verification.HeaderSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A response signed over @status, content-digest and the request's method, target and signature, then checked. */
class ResponseSignaturesTest {

    static final Instant NOW = Instant.ofEpochSecond(1618884480);

    @Test
    void aSignedResponseVerifiesAndEveryBindingIsChecked() {
        // The RFC's B.2 request, signed by the client (B.2.3's signature under the label sig-b23).
        var v = RfcVectors.load("b2_3_rsa_pss_full.json");
        Map<String, List<String>> requestFields = new HashMap<>();
        for (var h : v.getJsonObject("request").getJsonArray("headers")) {
            requestFields.put(h.asJsonArray().getString(0), List.of(h.asJsonArray().getString(1)));
        }
        requestFields.put("Signature", List.of(v.getString("signature")));
        requestFields.put("Signature-Input", List.of(v.getString("signature_input")));
        HttpMessage request = HttpMessage.request("POST", v.getJsonObject("request").getString("target_uri"), HeaderSource.ofLists(requestFields));
        String label = v.getString("label");

        byte[] content = "{\"message\": \"good dog\"}".getBytes(StandardCharsets.UTF_8);
        ContentDigest.Hasher h = new ContentDigest.Hasher(EnumSet.of(DigestAlgorithm.SHA_512));
        h.update(content, 0, content.length);
        Map<String, List<String>> responseFields = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        SigningKey serverKey = SigningKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, RfcVectors.privateKey("test-key-ecc-p256"));
        Map<String, String> added = ResponseSignatures.sign(request, label, 200, HeaderSource.ofLists(responseFields), h.finish(),
                "reqres", "test-key-ecc-p256", serverKey, NOW);
        added.forEach((k, val) -> responseFields.put(k, List.of(val)));
        assertEquals("reqres=(\"@status\" \"content-digest\" \"@method\";req \"@target-uri\";req \"signature\";req;key=\"sig-b23\");"
                + "created=1618884480;keyid=\"test-key-ecc-p256\"", added.get("Signature-Input"));

        VerificationKey key = VerificationKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, RfcVectors.publicKey("test-key-ecc-p256"));
        HttpMessage response = HttpMessage.response(200, HeaderSource.ofLists(responseFields), request);
        assertEquals(Optional.empty(), ResponseSignatures.verify(response, label, content, "test-key-ecc-p256", key, NOW));

        assertEquals(Optional.of("the response Content-Digest does not match its content"),
                ResponseSignatures.verify(response, label, "{\"message\": \"bad dog\"}".getBytes(StandardCharsets.UTF_8),
                        "test-key-ecc-p256", key, NOW));
        assertEquals(Optional.of("the response signature does not verify"), ResponseSignatures.verify(
                HttpMessage.response(201, HeaderSource.ofLists(responseFields), request), label, content, "test-key-ecc-p256", key, NOW));
        // The same response presented for another request signature of the client does not verify.
        Map<String, List<String>> otherRequest = new HashMap<>(requestFields);
        otherRequest.put("Signature", List.of(label + "=:" + java.util.Base64.getEncoder().encodeToString(new byte[256]) + ":"));
        assertEquals(Optional.of("the response signature does not verify"), ResponseSignatures.verify(HttpMessage.response(200,
                HeaderSource.ofLists(responseFields), HttpMessage.request("POST", request.targetUri(), HeaderSource.ofLists(otherRequest))),
                label, content, "test-key-ecc-p256", key, NOW));
        assertEquals(Optional.of("the response carries no signature by someone-else"),
                ResponseSignatures.verify(response, label, content, "someone-else", key, NOW));
        assertEquals(Optional.of("the response signature's created is missing or out of range"),
                ResponseSignatures.verify(response, label, content, "test-key-ecc-p256", key, NOW.plusSeconds(301)));
    }
}
