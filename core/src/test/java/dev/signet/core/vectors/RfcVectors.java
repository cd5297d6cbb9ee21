// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.vectors;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.HttpMessage;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Loads the RFC 9421 / RFC 9530 vectors (test resources under {@code vectors/rfc9421/}, copied from
 * shared/vectors; see ORIGIN.md) and turns their messages and keys into core's types. Nothing is retyped.
 */
public final class RfcVectors {

    /** Every file holding one signature, in the RFC's order. */
    public static final List<String> SIGNATURE_FILES = List.of("b2_1_rsa_pss_minimal.json",
            "b2_2_rsa_pss_selective.json", "b2_3_rsa_pss_full.json", "b2_4_ecdsa_response.json", "b2_5_hmac.json",
            "b2_6_ed25519.json", "b3_tls_proxy_ecdsa.json", "b4_transform_ed25519.json", "s2_4_reqres_ecdsa.json",
            "s2_4_reqres_signed_request_ecdsa.json", "s2_4_signed_request_rsa_pss.json", "s2_5_s3_rsa_pss.json",
            "s4_3_client_sig1_ecdsa.json", "s4_3_proxy_sig_rsa_v1_5.json");

    private RfcVectors() {
    }

    public static JsonObject load(String file) {
        try (InputStream in = RfcVectors.class.getResourceAsStream("/vectors/rfc9421/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vectors/rfc9421/" + file);
            }
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector's field lines, in order, looked up ignoring case. */
    public static HeaderSource headers(JsonArray pairs) {
        List<String[]> lines = new ArrayList<>();
        for (JsonValue p : pairs) {
            lines.add(new String[] {p.asJsonArray().getString(0), p.asJsonArray().getString(1)});
        }
        return name -> lines.stream().filter(l -> l[0].equalsIgnoreCase(name)).map(l -> l[1]).toList();
    }

    /** The vector's {@code request} object as a message. */
    public static HttpMessage request(JsonObject r) {
        return HttpMessage.request(r.getString("method"), r.getString("target_uri"), r.getString("request_target", null),
                headers(r.getJsonArray("headers")));
    }

    /** The message a signature vector signs: its request, or its response answering its request. */
    public static HttpMessage signedMessage(JsonObject vector) {
        if (vector.getString("target_message").equals("response")) {
            JsonObject r = vector.getJsonObject("response");
            HttpMessage request = vector.containsKey("request") ? request(vector.getJsonObject("request")) : null;
            return HttpMessage.response(r.getInt("status"), headers(r.getJsonArray("headers")), request);
        }
        return request(vector.getJsonObject("request"));
    }

    public static byte[] body(JsonObject message) {
        return message.isNull("body") ? new byte[0] : message.getString("body").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject key(String keyId) {
        return load("keys.json").getJsonObject("keys").getJsonObject(keyId);
    }

    /** The printed shared secret's 64 bytes. */
    public static byte[] sharedSecret() {
        return Base64.getDecoder().decode(key("test-shared-secret").getString("base64"));
    }

    /** A test key's public half, from the PEM as printed (PKCS#1 for test-key-rsa). */
    public static PublicKey publicKey(String keyId) {
        JsonObject k = key(keyId);
        return PemKeys.publicKey(k.getString(k.containsKey("public_pem_spki") ? "public_pem_spki" : "public_pem_pkcs1"));
    }

    /**
     * A test key's private half: the printed PEM where the JDK reads it (PKCS#8, PKCS#1), else the RFC's key
     * re-encoded as PKCS#8 (the SEC1 EC key).
     */
    public static PrivateKey privateKey(String keyId) {
        JsonObject k = key(keyId);
        if (k.containsKey("private_pem_pkcs8")) {
            return PemKeys.privateKey(k.getString("private_pem_pkcs8"));
        }
        if (k.containsKey("private_pem_pkcs1")) {
            return PemKeys.privateKey(k.getString("private_pem_pkcs1"));
        }
        return PemKeys.privateKey(k.getJsonObject("derived_not_printed").getString("private_pem_pkcs8"));
    }

    /** The PEM text of a test key's public half, as printed. */
    public static String publicPem(String keyId) {
        JsonObject k = key(keyId);
        return k.getString(k.containsKey("public_pem_spki") ? "public_pem_spki" : "public_pem_pkcs1");
    }

    public static SignatureAlgorithm algorithm(JsonObject vector) {
        return SignatureAlgorithm.named(vector.getString("algorithm"));
    }
}
