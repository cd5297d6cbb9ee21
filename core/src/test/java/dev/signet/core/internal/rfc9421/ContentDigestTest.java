// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.vectors.RfcVectors;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 9530's digest values ({@code rfc9530_digest.json}), for the two algorithms Signet produces and checks. */
class ContentDigestTest {

    @Test
    void everySha256AndSha512ValueOfRfc9530IsRecomputed() {
        int checked = 0;
        for (JsonObject c : RfcVectors.load("rfc9530_digest.json").getJsonArray("cases").getValuesAs(JsonObject.class)) {
            for (JsonObject d : c.getJsonArray("digests").getValuesAs(JsonObject.class)) {
                var algorithm = DigestAlgorithm.byKey(d.getString("algorithm"));
                if (algorithm.isEmpty()) {
                    continue; // md5, sha, unixsum...: not produced, ignored when received
                }
                JsonObject input = d.getJsonObject("input");
                byte[] content = input.containsKey("text") ? input.getString("text").getBytes(StandardCharsets.UTF_8)
                        : HexFormat.of().parseHex(input.getString("hex").replaceAll("\\s", "").toLowerCase());
                ContentDigest.Hasher hasher = new ContentDigest.Hasher(Set.of(algorithm.get()));
                hasher.update(content, 0, content.length);
                // Some printed values carry a second '=' (vectors README, discrepancy 10): decoded leniently here.
                byte[] printed = Base64.getDecoder().decode(d.getString("value_base64").replaceAll("=+$", ""));
                assertArrayEquals(printed, hasher.finish().get(algorithm.get()), c.getString("name"));
                checked++;
            }
        }
        assertTrue(checked >= 25, "checked " + checked);
    }

    @Test
    void producesParsesAndMatches() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        String field = ContentDigest.of(body, DigestAlgorithm.SHA_512);
        // RFC 9421 B.2's request carries exactly this field for this body.
        assertEquals(RfcVectors.load("b2_messages.json").getJsonObject("test-request").getJsonArray("headers")
                .getJsonArray(3).getString(1), field);
        ContentDigest.Hasher both = new ContentDigest.Hasher(EnumSet.allOf(DigestAlgorithm.class));
        both.update(body, 0, body.length);
        Map<DigestAlgorithm, byte[]> computed = both.finish();
        assertTrue(ContentDigest.matches(ContentDigest.parse(field + ", md5=:Sd/dVLAcvNLSq16eXua5uQ==:"), computed));
        assertFalse(ContentDigest.matches(ContentDigest.parse("md5=:Sd/dVLAcvNLSq16eXua5uQ==:"), computed), "none known");
        assertFalse(ContentDigest.matches(ContentDigest.parse(ContentDigest.of(new byte[1], DigestAlgorithm.SHA_256)), computed));
        assertThrows(StructuredFieldException.class, () -> ContentDigest.parse("sha-256=:AAAA:"), "wrong length");
        assertThrows(StructuredFieldException.class, () -> ContentDigest.parse("sha-256=\"text\""));
        // The RFC 9530 value printed with two '=' is not canonical base64: a strict parser refuses it.
        assertThrows(StructuredFieldException.class,
                () -> ContentDigest.parse("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg==:"));
    }
}
