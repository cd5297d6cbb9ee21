// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.sf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.sf.StructuredFields.InnerList;
import dev.signet.core.internal.sf.StructuredFields.Item;
import dev.signet.core.internal.sf.StructuredFields.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the Structured Field parser the way RFC 9421 uses it: Dictionaries ({@code Signature-Input},
 * {@code Signature}, {@code Content-Digest}, {@code Accept-Signature}), Lists and Items, from any text or
 * from pieces of those fields.
 *
 * <p>Invariants: parsing throws nothing but {@link StructuredFieldException}, with a message; what parses
 * serializes without throwing, and the serialization parses to the same value (Decimals compared by number:
 * {@code 1.50} is written {@code 1.5}) and serializes to the same text again.
 */
public class StructuredFieldsFuzzTest {

    /** Pieces of the fields RFC 9421 reads, and of every kind of bare item. */
    static final List<String> PIECES = List.of("sig1=", "sig-b21=", "(", ")", "\"@method\"", "\"@target-uri\"",
            "\"content-digest\"", "\"@query-param\";name=\"id\"", " ", ";created=1618884473", ";expires=1618884773",
            ";keyid=\"test-key-rsa-pss\"", ";alg=\"ed25519\"", ";nonce=\"b3k2pp5k7z\"", ";tag=\"app\"", ":dGVzdA==:",
            ":YQ:", ", ", ",", "sha-256=", "sha-512=", "?1", "?0", "@1659578233", "%\"f%c3%bc\"", "%\"%ff\"", "1.5",
            "-0.001", "1.50", "123456789012.123", "999999999999999", "-999999999999999", "tok/en:x", "*", ";", "=",
            "\"\\\"\\\\\"", "a", "\t", "\"", "%", "@", "-", "0", ".", "*key", "k.-_*");

    @FuzzTest(maxDuration = "10s")
    public void parsedValuesRoundTripAndOnlyTheParseExceptionIsThrown(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 2);
        String text;
        if (data.consumeBoolean()) {
            StringBuilder b = new StringBuilder();
            int pieces = data.consumeInt(0, 16);
            for (int i = 0; i < pieces; i++) {
                b.append(data.consumeBoolean() ? data.pickValue(PIECES) : data.consumeString(6));
            }
            text = b.toString();
        } else {
            text = data.consumeRemainingAsString();
        }
        Object parsed;
        try {
            parsed = parse(kind, text);
        } catch (StructuredFieldException e) {
            assertNotNull(e.getMessage(), "a parse exception without a message for " + text);
            assertFalse(e.getMessage().isBlank(), "a blank parse exception message for " + text);
            return;
        }
        String where = "kind " + kind + ", input [" + text + "]";
        String once = serialize(kind, parsed);
        Object again;
        try {
            again = parse(kind, once);
        } catch (StructuredFieldException e) {
            throw new AssertionError(where + " serialized to [" + once + "], which does not parse: " + e.getMessage(), e);
        }
        assertEquals(normal(parsed), normal(again), () -> where + " serialized to [" + once + "]");
        assertEquals(once, serialize(kind, again), where);
    }

    static Object parse(int kind, String text) {
        return switch (kind) {
            case 0 -> StructuredFields.parseDictionary(text);
            case 1 -> StructuredFields.parseList(text);
            default -> StructuredFields.parseItem(text);
        };
    }

    @SuppressWarnings("unchecked")
    static String serialize(int kind, Object value) {
        return switch (kind) {
            case 0 -> StructuredFields.serializeDictionary((Map<String, Member>) value);
            case 1 -> StructuredFields.serializeList((List<Member>) value);
            default -> StructuredFields.serializeItem((Item) value);
        };
    }

    /** The value with order kept and Decimals made comparable by number. */
    static Object normal(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(List.of(k, normal(v))));
            return entries;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StructuredFieldsFuzzTest::normal).toList();
        }
        if (value instanceof Item item) {
            return List.of("item", normal(item.value()), normal(item.params()));
        }
        if (value instanceof InnerList list) {
            return List.of("inner", normal(list.items()), normal(list.params()));
        }
        if (value instanceof BigDecimal d) {
            return "decimal " + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        return value;
    }
}
