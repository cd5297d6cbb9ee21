// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.Secret;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemeDefinitionTest {

    @Test
    void aSchemeDefinedInSettingsSignsLikeThePresetItCopies() {
        Scheme custom = SchemeDefinition.fromSettings("my-canonical", Map.of(
                "header.key-id", "X-API-Key",
                "header.timestamp", "X-Timestamp",
                "header.signature", "X-Signature",
                "template", "{timestamp}\\n{method}\\n{path}\\n{bodyHash}",
                "encoding", "hex",
                "window-seconds", "30",
                "replay-key", "key-timestamp-signature"));
        CanonicalRequest request = new CanonicalRequest("POST", "/vaults", BodyHash.of("{}".getBytes()));
        Secret secret = Secret.of("s");
        assertEquals(RequestSigner.of(Presets.CANONICAL).signAt(request, "k", secret, "1708600000", null).get("X-Signature"),
                RequestSigner.of(custom).signAt(request, "k", secret, "1708600000", null).get("X-Signature"));
        assertEquals(Duration.ofSeconds(30), custom.window());
        assertEquals(ReplayKey.KEY_TIMESTAMP_SIGNATURE, custom.replayKey());
    }

    @Test
    void aJsonSchemeKeepsItsMemberOrder() {
        Scheme custom = SchemeDefinition.fromSettings("j", Map.of(
                "header.key-id", "K", "header.timestamp", "T", "header.signature", "S", "header.nonce", "N",
                "json", "id=nonce,ts=timestamp", "encoding", "base64", "timestamp-format", "iso-8601",
                "nonce-format", "uuid"));
        String rendered = custom.recipe().render(new ComponentValues("GET", "/", "", "2026-01-01T00:00:00.000Z",
                "n-1", BodyHash.EMPTY.hex(), "k", null));
        assertEquals("{\"id\":\"n-1\",\"ts\":\"2026-01-01T00:00:00.000Z\"}", rendered);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), custom.timestampFormat().parse("2026-01-01T00:00:00.000Z").orElseThrow());
    }

    @Test
    void anUnknownComponentOrMissingHeaderIsRefusedAtDefinition() {
        assertThrows(IllegalArgumentException.class, () -> SignedStringRecipe.Template.parse("{time}"));
        assertThrows(IllegalArgumentException.class, () -> SchemeDefinition.fromSettings("x", Map.of("template", "{method}")));
    }

    @Test
    void isoTimestampsAreWrittenAsToIsoStringAndReadInEveryOffsetForm() {
        assertEquals("2025-03-15T09:45:53.000Z", TimestampFormat.ISO_8601.format(Instant.parse("2025-03-15T09:45:53Z")));
        Instant expected = Instant.parse("2025-03-15T09:45:53Z");
        assertEquals(expected, TimestampFormat.ISO_8601.parse("2025-03-15T09:45:53.000Z").orElseThrow());
        assertEquals(expected, TimestampFormat.ISO_8601.parse("2025-03-15T09:45:53Z").orElseThrow());
        assertEquals(expected, TimestampFormat.ISO_8601.parse("2025-03-15T10:45:53+01:00").orElseThrow());
        assertEquals(expected, TimestampFormat.ISO_8601.parse("2025-03-15T09:45:53.000000Z").orElseThrow());
    }
}
