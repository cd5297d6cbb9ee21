// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.internal.verification.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes custom scheme definitions: each setting absent, one of its valid spellings, or any string.
 *
 * <p>Invariants: {@code fromSettings} either returns a scheme or throws an IllegalArgumentException with a
 * message, nothing else; and a scheme it returns works: a request signed under it verifies under it.
 */
public class SchemeDefinitionFuzzTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static final List<String> HEADERS = List.of("X-Key", "X-Ts", "X-Sig", "X-Nonce", "Authorization", " X-Padded ");

    static final Map<String, List<String>> VALID = validSettings();

    private static Map<String, List<String>> validSettings() {
        Map<String, List<String>> valid = new LinkedHashMap<>();
        valid.put("header.key-id", HEADERS);
        valid.put("header.timestamp", HEADERS);
        valid.put("header.signature", HEADERS);
        valid.put("header.nonce", HEADERS);
        valid.put("template", List.of("{timestamp}\\n{method}\\n{path}\\n{bodyHash}", "{timestamp}:{secret}",
                "{method}\\n{path}\\n{timestamp}\\n{nonce}\\n{bodyHash}", "{keyId}|{timestamp}|{nonce}", "{timestamp}"));
        valid.put("json", List.of("timeStamp=timestamp,requestId=nonce,accessId=keyId", "ts=timestamp", "ts=timestamp, b = bodyHash",
                "\"=timestamp,\\u2028=path"));
        valid.put("encoding", List.of("hex", "base64", " BASE64 "));
        valid.put("timestamp-format", List.of("epoch-seconds", "iso-8601", "ISO_8601"));
        valid.put("window-seconds", List.of("1", "30", "3600", " 300 "));
        valid.put("replay-key", List.of("nonce", "key-timestamp-signature", "none"));
        valid.put("nonce-format", List.of("uuid", "token"));
        valid.put("error-format", List.of("problem", "detail", "envelope"));
        return valid;
    }

    @FuzzTest(maxDuration = "10s")
    public void definitionIsRefusedWithAMessageOrWorks(FuzzedDataProvider data) {
        String name = data.consumeString(16);
        Map<String, String> settings = new LinkedHashMap<>();
        VALID.forEach((key, spellings) -> {
            switch (data.consumeInt(0, 3)) {
                case 0 -> { } // absent
                case 1 -> settings.put(key, data.consumeString(40));
                default -> settings.put(key, data.pickValue(spellings));
            }
        });
        if (data.consumeBoolean()) {
            settings.put(data.consumeString(16), data.consumeString(16));
        }

        Scheme scheme;
        try {
            scheme = SchemeDefinition.fromSettings(name, settings);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            assertFalse(refused.getMessage().isBlank());
            return;
        }
        assertFalse(namesCollide(scheme.headers()), "a scheme naming one header for two roles is refused");
        assertRoundTrips(scheme, settings);
    }

    /** Whether two roles share one header name, ignoring case as HTTP does. */
    static boolean namesCollide(SchemeHeaders h) {
        Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add(h.keyId());
        names.add(h.timestamp());
        names.add(h.signature());
        if (h.hasNonce()) {
            names.add(h.nonce());
        }
        return names.size() < (h.hasNonce() ? 4 : 3);
    }

    /** A request signed under the scheme, through a case-insensitive header map as a container has, verifies. */
    static void assertRoundTrips(Scheme scheme, Map<String, String> settings) {
        ApiKey key = ApiKey.of("key-1", "s3cret");
        String nonce = scheme.nonceFormat() == NonceFormat.UUID ? "3f1c2a9e-8b7d-4c5e-9f0a-1b2c3d4e5f60" : "n-1";
        CanonicalRequest request = new CanonicalRequest("POST", "/api/v1/items", BodyHash.of("{}".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new RequestSigner(scheme, Clock.fixed(NOW, ZoneOffset.UTC), () -> nonce)
                .sign(request, key.id(), key.signingSecret()).headers();
        VerificationPipeline pipeline = VerificationPipeline.offline(scheme, Clock.fixed(NOW, ZoneOffset.UTC),
                id -> id.equals(key.id()) ? Optional.of(key) : Optional.empty());
        Verification result = pipeline.verify(new dev.signet.core.internal.verification.ReceivedRequest("POST", "/api/v1/items",
                HeaderSource.of(headers)), request.bodyHash(), Set.of(), Trace.NONE);
        assertInstanceOf(Verified.class, result, () -> "settings " + settings + " make a scheme that cannot verify its own"
                + " requests: sent " + headers + ", got " + result);
    }
}
