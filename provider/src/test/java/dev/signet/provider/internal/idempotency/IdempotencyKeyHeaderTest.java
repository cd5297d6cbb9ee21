// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser of the Idempotency-Key field on its own, every branch: what is a key, what is refused. */
class IdempotencyKeyHeaderTest {

    private static IdempotencyKeyHeader.Parsed parse(String... fields) {
        return IdempotencyKeyHeader.parse(fields == null ? null : Arrays.asList(fields));
    }

    @Test
    void noFieldIsMissing() {
        assertInstanceOf(IdempotencyKeyHeader.Missing.class, IdempotencyKeyHeader.parse(null));
        assertInstanceOf(IdempotencyKeyHeader.Missing.class, IdempotencyKeyHeader.parse(List.of()));
    }

    @Test
    void quotedBareAndEscapedKeys() {
        assertEquals("8e03978e-40d5", ((IdempotencyKeyHeader.Key) parse("\"8e03978e-40d5\"")).value());
        assertEquals("8e03978e-40d5", ((IdempotencyKeyHeader.Key) parse("  8e03978e-40d5 ")).value());
        assertEquals("a\"b\\c", ((IdempotencyKeyHeader.Key) parse("\"a\\\"b\\\\c\"")).value());
        assertEquals("with space", ((IdempotencyKeyHeader.Key) parse("\"with space\"")).value());
        assertEquals(255, ((IdempotencyKeyHeader.Key) parse("\"" + "k".repeat(255) + "\"")).value().length());
    }

    @Test
    void everythingElseIsMalformed() {
        List<String> bad = new ArrayList<>(List.of("", " ", "\"\"", "\"open", "\"a\"b\"", "\"a\";p=1", "\"a\\n\"",
                "\"a\\\"", "a b", "a,b", "a\"b", "a\\b", "cl\u00e9", "\"cl\u00e9\"", "\"a\tb\"", "a\u0000b", "\"\u007f\"",
                "\"" + "k".repeat(256) + "\"", "k".repeat(256), "k".repeat(100_000)));
        for (String field : bad) {
            assertInstanceOf(IdempotencyKeyHeader.Malformed.class, parse(field), "[" + field + "]");
        }
        assertInstanceOf(IdempotencyKeyHeader.Malformed.class, parse("\"a\"", "\"a\""), "the field twice");
        assertInstanceOf(IdempotencyKeyHeader.Malformed.class, parse("\"a\"", "\"b\""), "two fields");
    }
}
