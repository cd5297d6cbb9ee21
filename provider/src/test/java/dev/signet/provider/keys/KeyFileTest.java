// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFileTest {

    @Test
    void theDemoFormatReadsEveryField() {
        InMemoryKeyRepository keys = KeyFile.parse(new StringReader("""
                {"keys":[{"id":"k1","secret":"s1","status":"active","scopes":["demo:write"],
                  "allowedIps":["127.0.0.1/32","::1"],"tenant":"t1","rateLimitPerMinute":120},
                  {"id":"k2","secret":"s2","status":"disabled","expiresAt":"2030-01-01T00:00:00Z"},
                  {"id":"k3","secrets":[{"value":"old","notAfter":"2026-12-01T00:00:00Z"},{"value":"new"}]}]}
                """));
        ApiKey k1 = keys.find("k1").orElseThrow();
        assertEquals(Set.of("demo:write"), k1.scopes());
        assertEquals(2, k1.allowedIps().size());
        assertEquals("t1", k1.tenant());
        assertEquals(120, k1.rateLimitPerMinute());
        assertEquals(KeyStatus.DISABLED, keys.find("k2").orElseThrow().status());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), keys.find("k2").orElseThrow().expiresAt());
        assertEquals(2, keys.find("k3").orElseThrow().secrets().size());
        assertTrue(keys.find("nobody").isEmpty());
    }

    @Test
    void aBrokenKeyFileIsRefusedWithoutEchoingASecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyFile.parse(new StringReader("{\"keys\":[{\"id\":\"k1\",\"secret\":\"hush-hush\",\"allowedIps\":[\"nope\"]}]}")));
        assertFalse(e.getMessage().contains("hush-hush"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyFile.parse(new StringReader("{\"keys\":[{\"secret\":\"x\"}]}")));
        assertThrows(IllegalArgumentException.class, () -> KeyFile.parse(new StringReader("not json")));
    }
}
