// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.sf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.signet.core.internal.sf.StructuredFields.ByteSequence;
import dev.signet.core.internal.sf.StructuredFields.Date;
import dev.signet.core.internal.sf.StructuredFields.DisplayString;
import dev.signet.core.internal.sf.StructuredFields.InnerList;
import dev.signet.core.internal.sf.StructuredFields.Item;
import dev.signet.core.internal.sf.StructuredFields.Member;
import dev.signet.core.internal.sf.StructuredFields.Token;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP WG's structured-field test suite (test resources {@code vectors/structured-fields/}, see
 * ORIGIN.md), every record of every file: parse tests compare the parsed value and the canonical
 * serialization; serialisation tests serialize the expected structure or must fail to.
 */
class StructuredFieldSuiteTest {

    static final List<String> PARSE_FILES = List.of("binary.json", "boolean.json", "date.json", "dictionary.json",
            "display-string.json", "examples.json", "item.json", "key-generated.json", "large-generated.json",
            "list.json", "listlist.json", "number-generated.json", "number.json", "param-dict.json",
            "param-list.json", "param-listlist.json", "string-generated.json", "string.json", "token-generated.json",
            "token.json");
    static final List<String> SERIALISATION_FILES = List.of("serialisation-tests/key-generated.json",
            "serialisation-tests/number.json", "serialisation-tests/string-generated.json",
            "serialisation-tests/token-generated.json");

    record Case(String file, JsonObject test) {
        @Override
        public String toString() {
            return file + ": " + test.getString("name");
        }
    }

    static Stream<Case> parseTests() {
        return PARSE_FILES.stream().flatMap(f -> load(f).stream().map(t -> new Case(f, t)));
    }

    static Stream<Case> serialisationTests() {
        return SERIALISATION_FILES.stream().flatMap(f -> load(f).stream().map(t -> new Case(f, t)));
    }

    @Test
    void theSuiteIsAllThere() {
        assertEquals(1591, parseTests().count(), "parse tests");
        assertTrue(serialisationTests().count() > 500, "serialisation tests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseTests")
    void parses(Case c) {
        JsonObject t = c.test();
        String raw = String.join(", ", t.getJsonArray("raw").getValuesAs(JsonString::getString));
        String type = t.getString("header_type");
        if (t.getBoolean("must_fail", false)) {
            assertThrows(StructuredFieldException.class, () -> parse(type, raw), "must fail: " + raw);
            return;
        }
        Object parsed;
        try {
            parsed = parse(type, raw);
        } catch (StructuredFieldException e) {
            if (t.getBoolean("can_fail", false)) {
                return;
            }
            throw e;
        }
        assertEquals(expected(type, t.get("expected")), parsed, "parsed value of " + raw);
        String canonical = t.containsKey("canonical")
                ? String.join(", ", t.getJsonArray("canonical").getValuesAs(JsonString::getString)) : raw;
        assertEquals(canonical, serialize(type, parsed), "canonical form");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serialisationTests")
    void serializes(Case c) {
        JsonObject t = c.test();
        String type = t.getString("header_type");
        if (t.getBoolean("must_fail", false)) {
            assertThrows(RuntimeException.class, () -> serialize(type, expected(type, t.get("expected"))));
            return;
        }
        assertEquals(String.join(", ", t.getJsonArray("canonical").getValuesAs(JsonString::getString)),
                serialize(type, expected(type, t.get("expected"))));
    }

    private static Object parse(String type, String raw) {
        return switch (type) {
            case "item" -> StructuredFields.parseItem(raw);
            case "list" -> StructuredFields.parseList(raw);
            case "dictionary" -> StructuredFields.parseDictionary(raw);
            default -> fail("unknown header type " + type);
        };
    }

    @SuppressWarnings("unchecked")
    private static String serialize(String type, Object value) {
        return switch (type) {
            case "item" -> StructuredFields.serializeItem((Item) value);
            case "list" -> StructuredFields.serializeList((List<Member>) value);
            default -> StructuredFields.serializeDictionary((Map<String, Member>) value);
        };
    }

    // ---- the suite's JSON form to the model ----

    private static Object expected(String type, JsonValue v) {
        return switch (type) {
            case "item" -> item(v.asJsonArray());
            case "list" -> v.asJsonArray().stream().map(StructuredFieldSuiteTest::member).toList();
            default -> {
                Map<String, Member> dict = new LinkedHashMap<>();
                for (JsonValue e : v.asJsonArray()) {
                    dict.put(e.asJsonArray().getString(0), member(e.asJsonArray().get(1)));
                }
                yield dict;
            }
        };
    }

    private static Member member(JsonValue v) {
        JsonArray a = v.asJsonArray();
        if (a.get(0).getValueType() == JsonValue.ValueType.ARRAY) {
            List<Item> items = a.getJsonArray(0).stream().map(i -> item(i.asJsonArray())).toList();
            return new InnerList(items, params(a.getJsonArray(1)));
        }
        return item(a);
    }

    private static Item item(JsonArray a) {
        return new Item(bare(a.get(0)), params(a.getJsonArray(1)));
    }

    private static Map<String, Object> params(JsonArray a) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (JsonValue p : a) {
            params.put(p.asJsonArray().getString(0), bare(p.asJsonArray().get(1)));
        }
        return params;
    }

    private static Object bare(JsonValue v) {
        switch (v.getValueType()) {
            case STRING:
                return ((JsonString) v).getString();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NUMBER:
                JsonNumber n = (JsonNumber) v;
                BigDecimal d = n.bigDecimalValue();
                if (n.isIntegral()) {
                    return d.longValueExact();
                }
                return new Decimal(d);
            case OBJECT:
                JsonObject o = v.asJsonObject();
                return switch (o.getString("__type")) {
                    case "token" -> new Token(o.getString("value"));
                    case "binary" -> new ByteSequence(base32(o.getString("value")));
                    case "date" -> new Date(o.getJsonNumber("value").longValueExact());
                    case "displaystring" -> new DisplayString(o.getString("value"));
                    default -> fail("unknown __type " + o);
                };
            default:
                return fail("unexpected JSON " + v);
        }
    }

    /** A decimal that equals a parsed BigDecimal of the same value, whatever the scale. */
    private static final class Decimal extends BigDecimal {
        private static final long serialVersionUID = 1L;

        Decimal(BigDecimal d) {
            super(d.unscaledValue(), d.scale());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BigDecimal b && compareTo(b) == 0;
        }

        @Override
        public int hashCode() {
            return stripTrailingZeros().hashCode();
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        List<Byte> out = new ArrayList<>();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.add((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = out.get(k);
        }
        return bytes;
    }

    static List<JsonObject> load(String file) {
        try (InputStream in = StructuredFieldSuiteTest.class.getResourceAsStream("/vectors/structured-fields/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return Json.createReader(in).readArray().getValuesAs(JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
