// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.sf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Structured Field Values for HTTP (RFC 9651, which obsoletes RFC 8941): a strict parser and the canonical
 * serializer, following the RFC's algorithms step by step. Held to the HTTP WG's shared test suite (every
 * parse and serialisation test passes, Date and Display String included).
 *
 * <p>Bare items are represented as: Integer {@link Long}, Decimal {@link BigDecimal}, String {@link String},
 * {@link Token}, {@link ByteSequence}, Boolean {@link Boolean}, {@link Date} and {@link DisplayString}.
 * Dictionaries and parameters keep their order. Parsing never throws anything but
 * {@link StructuredFieldException}, whatever the input.
 */
public final class StructuredFields {

    private static final long MAX_INTEGER = 999_999_999_999_999L;
    private static final BigDecimal MAX_DECIMAL_INTEGER_PART = new BigDecimal("999999999999");

    private StructuredFields() {
    }

    // ---- the data model ----

    /** A Token: {@code ALPHA / "*"} then tchar, ":" or "/". */
    public record Token(String value) {
        public Token {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A Byte Sequence; compared by content. */
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals and hashCode compare the bytes
    public record ByteSequence(byte[] bytes) {
        public ByteSequence {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByteSequence b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "ByteSequence[" + bytes.length + " bytes]";
        }
    }

    /** A Date (RFC 9651): whole seconds since the epoch. */
    public record Date(long epochSeconds) {
    }

    /** A Display String (RFC 9651): Unicode text. */
    public record DisplayString(String value) {
        public DisplayString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A dictionary member or list member: an Item or an Inner List. */
    public sealed interface Member permits Item, InnerList {
        Map<String, Object> params();
    }

    /** A bare item with its parameters (in order). */
    public record Item(Object value, Map<String, Object> params) implements Member {
        public Item {
            Objects.requireNonNull(value, "value");
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        public static Item of(Object value) {
            return new Item(value, Map.of());
        }
    }

    /** An Inner List: items and the list's own parameters. */
    public record InnerList(List<Item> items, Map<String, Object> params) implements Member {
        public InnerList {
            items = List.copyOf(items);
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    // ---- parsing (RFC 9651 section 4.2) ----

    /** Parses a Dictionary field value (several field lines joined with ", " by the caller). */
    public static Map<String, Member> parseDictionary(String input) {
        Parser p = new Parser(input);
        Map<String, Member> dict = p.dictionary();
        p.end();
        return Collections.unmodifiableMap(dict);
    }

    /** Parses a List field value. */
    public static List<Member> parseList(String input) {
        Parser p = new Parser(input);
        List<Member> list = p.list();
        p.end();
        return Collections.unmodifiableList(list);
    }

    /** Parses an Item field value. */
    public static Item parseItem(String input) {
        Parser p = new Parser(input);
        Item item = p.item();
        p.end();
        return item;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String input) {
            if (input == null) {
                throw new StructuredFieldException("no field value");
            }
            // Discard leading and trailing SP (and only SP).
            int start = 0;
            int end = input.length();
            while (start < end && input.charAt(start) == ' ') {
                start++;
            }
            while (end > start && input.charAt(end - 1) == ' ') {
                end--;
            }
            this.s = input.substring(start, end);
        }

        void end() {
            if (i != s.length()) {
                throw fail("unexpected character at " + i);
            }
        }

        boolean empty() {
            return i >= s.length();
        }

        char peek() {
            return empty() ? '\0' : s.charAt(i);
        }

        StructuredFieldException fail(String why) {
            return new StructuredFieldException(why);
        }

        void ows() {
            while (!empty() && (peek() == ' ' || peek() == '\t')) {
                i++;
            }
        }

        void sp() {
            while (!empty() && peek() == ' ') {
                i++;
            }
        }

        List<Member> list() {
            List<Member> members = new ArrayList<>();
            while (!empty()) {
                members.add(itemOrInnerList());
                ows();
                if (empty()) {
                    return members;
                }
                if (s.charAt(i++) != ',') {
                    throw fail("expected ',' in list");
                }
                ows();
                if (empty()) {
                    throw fail("trailing comma in list");
                }
            }
            return members;
        }

        Map<String, Member> dictionary() {
            Map<String, Member> dict = new LinkedHashMap<>();
            while (!empty()) {
                String key = key();
                Member member;
                if (peek() == '=') {
                    i++;
                    member = itemOrInnerList();
                } else {
                    member = new Item(true, parameters());
                }
                dict.put(key, member); // an existing key keeps its place and takes the new value
                ows();
                if (empty()) {
                    return dict;
                }
                if (s.charAt(i++) != ',') {
                    throw fail("expected ',' in dictionary");
                }
                ows();
                if (empty()) {
                    throw fail("trailing comma in dictionary");
                }
            }
            return dict;
        }

        Member itemOrInnerList() {
            return peek() == '(' ? innerList() : item();
        }

        InnerList innerList() {
            i++; // '('
            List<Item> items = new ArrayList<>();
            while (!empty()) {
                sp();
                if (peek() == ')') {
                    i++;
                    return new InnerList(items, parameters());
                }
                items.add(item());
                if (peek() != ' ' && peek() != ')') {
                    throw fail("expected SP or ')' in inner list");
                }
            }
            throw fail("inner list not closed");
        }

        Item item() {
            Object bare = bareItem();
            return new Item(bare, parameters());
        }

        Map<String, Object> parameters() {
            Map<String, Object> params = new LinkedHashMap<>();
            while (peek() == ';') {
                i++;
                sp();
                String key = key();
                Object value = true;
                if (peek() == '=') {
                    i++;
                    value = bareItem();
                }
                params.put(key, value);
            }
            return params;
        }

        String key() {
            char c = peek();
            if (empty() || !(isLcAlpha(c) || c == '*')) {
                throw fail("a key starts with a lowercase letter or '*'");
            }
            int start = i;
            while (!empty() && isKeyChar(peek())) {
                i++;
            }
            return s.substring(start, i);
        }

        Object bareItem() {
            if (empty()) {
                throw fail("empty item");
            }
            char c = peek();
            if (c == '-' || isDigit(c)) {
                return number();
            }
            if (c == '"') {
                return string();
            }
            if (c == '*' || isAlpha(c)) {
                return token();
            }
            if (c == ':') {
                return byteSequence();
            }
            if (c == '?') {
                return bool();
            }
            if (c == '@') {
                i++;
                Object n = number();
                if (!(n instanceof Long l)) {
                    throw fail("a date is an integer");
                }
                return new Date(l);
            }
            if (c == '%') {
                return displayString();
            }
            throw fail("not an item");
        }

        Object number() {
            boolean decimal = false;
            boolean negative = false;
            if (peek() == '-') {
                negative = true;
                i++;
            }
            if (empty() || !isDigit(peek())) {
                throw fail("a number needs a digit");
            }
            StringBuilder n = new StringBuilder();
            while (!empty()) {
                char c = peek();
                if (isDigit(c)) {
                    n.append(c);
                    i++;
                } else if (!decimal && c == '.') {
                    if (n.length() > 12) {
                        throw fail("decimal integer part too long");
                    }
                    n.append(c);
                    decimal = true;
                    i++;
                } else {
                    break;
                }
                if (!decimal && n.length() > 15) {
                    throw fail("integer too long");
                }
                if (decimal && n.length() > 16) {
                    throw fail("decimal too long");
                }
            }
            if (!decimal) {
                long value = Long.parseLong(n.toString());
                return negative ? -value : value;
            }
            if (n.charAt(n.length() - 1) == '.') {
                throw fail("decimal ends with '.'");
            }
            if (n.length() - n.indexOf(".") - 1 > 3) {
                throw fail("decimal has more than three fractional digits");
            }
            BigDecimal value = new BigDecimal(n.toString());
            return negative ? value.negate() : value;
        }

        String string() {
            i++; // '"'
            StringBuilder out = new StringBuilder();
            while (!empty()) {
                char c = s.charAt(i++);
                if (c == '\\') {
                    if (empty()) {
                        throw fail("string ends in an escape");
                    }
                    char next = s.charAt(i++);
                    if (next != '"' && next != '\\') {
                        throw fail("bad escape in string");
                    }
                    out.append(next);
                } else if (c == '"') {
                    return out.toString();
                } else if (c < 0x20 || c > 0x7e) {
                    throw fail("string holds a character outside printable ASCII");
                } else {
                    out.append(c);
                }
            }
            throw fail("string not closed");
        }

        Token token() {
            int start = i;
            i++;
            while (!empty() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
                i++;
            }
            return new Token(s.substring(start, i));
        }

        ByteSequence byteSequence() {
            i++; // ':'
            int close = s.indexOf(':', i);
            if (close < 0) {
                throw fail("byte sequence not closed");
            }
            String b64 = s.substring(i, close);
            i = close + 1;
            for (int k = 0; k < b64.length(); k++) {
                char c = b64.charAt(k);
                if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                    throw fail("byte sequence holds a character outside base64");
                }
            }
            try {
                return new ByteSequence(Base64.getDecoder().decode(b64));
            } catch (IllegalArgumentException e) {
                throw fail("byte sequence is not base64");
            }
        }

        Boolean bool() {
            i++; // '?'
            char c = peek();
            if (c == '1' || c == '0') {
                i++;
                return c == '1';
            }
            throw fail("a boolean is ?1 or ?0");
        }

        DisplayString displayString() {
            i++; // '%'
            if (peek() != '"') {
                throw fail("a display string starts with %\"");
            }
            i++;
            ByteBuffer bytes = ByteBuffer.allocate(s.length());
            while (!empty()) {
                char c = s.charAt(i++);
                if (c < 0x20 || c > 0x7e) {
                    throw fail("display string holds a character outside printable ASCII");
                }
                if (c == '%') {
                    if (i + 2 > s.length() || !isLcHex(s.charAt(i)) || !isLcHex(s.charAt(i + 1))) {
                        throw fail("bad percent-encoding in display string");
                    }
                    bytes.put((byte) Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                } else if (c == '"') {
                    bytes.flip();
                    try {
                        return new DisplayString(StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(bytes).toString());
                    } catch (CharacterCodingException e) {
                        throw fail("display string is not UTF-8");
                    }
                } else {
                    bytes.put((byte) c);
                }
            }
            throw fail("display string not closed");
        }
    }

    // ---- serialization (RFC 9651 section 4.1) ----

    public static String serializeDictionary(Map<String, ? extends Member> dict) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ? extends Member> e : dict.entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(key(e.getKey()));
            Member m = e.getValue();
            if (m instanceof Item item && Boolean.TRUE.equals(item.value())) {
                params(out, item.params());
            } else {
                out.append('=');
                member(out, m);
            }
        }
        return out.toString();
    }

    public static String serializeList(List<? extends Member> list) {
        StringBuilder out = new StringBuilder();
        for (Member m : list) {
            if (out.length() > 0) {
                out.append(", ");
            }
            member(out, m);
        }
        return out.toString();
    }

    /** An Item or an Inner List, as a list or dictionary member is written. */
    public static String serializeMember(Member member) {
        StringBuilder out = new StringBuilder();
        member(out, member);
        return out.toString();
    }

    public static String serializeItem(Item item) {
        return serializeMember(item);
    }

    public static String serializeBareItem(Object value) {
        StringBuilder out = new StringBuilder();
        bare(out, value);
        return out.toString();
    }

    private static void member(StringBuilder out, Member m) {
        if (m instanceof InnerList list) {
            out.append('(');
            boolean first = true;
            for (Item item : list.items()) {
                if (!first) {
                    out.append(' ');
                }
                first = false;
                bare(out, item.value());
                params(out, item.params());
            }
            out.append(')');
            params(out, list.params());
        } else {
            Item item = (Item) m;
            bare(out, item.value());
            params(out, item.params());
        }
    }

    private static void params(StringBuilder out, Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            out.append(';').append(key(p.getKey()));
            if (!Boolean.TRUE.equals(p.getValue())) {
                out.append('=');
                bare(out, p.getValue());
            }
        }
    }

    private static String key(String key) {
        if (key.isEmpty() || !(isLcAlpha(key.charAt(0)) || key.charAt(0) == '*')
                || !key.chars().allMatch(c -> isKeyChar((char) c))) {
            throw new StructuredFieldException("not a key");
        }
        return key;
    }

    private static void bare(StringBuilder out, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long n = ((Number) value).longValue();
            if (n > MAX_INTEGER || n < -MAX_INTEGER) {
                throw new StructuredFieldException("integer out of range");
            }
            out.append(n);
        } else if (value instanceof BigDecimal d) {
            BigDecimal rounded = d.setScale(3, RoundingMode.HALF_EVEN);
            if (rounded.abs().setScale(0, RoundingMode.DOWN).compareTo(MAX_DECIMAL_INTEGER_PART) > 0) {
                throw new StructuredFieldException("decimal out of range");
            }
            String text = rounded.stripTrailingZeros().toPlainString();
            if (rounded.signum() == 0) {
                text = "0";
            }
            out.append(text.contains(".") ? text : text + ".0");
        } else if (value instanceof String str) {
            out.append('"');
            for (int k = 0; k < str.length(); k++) {
                char c = str.charAt(k);
                if (c < 0x20 || c > 0x7e) {
                    throw new StructuredFieldException("string holds a character outside printable ASCII");
                }
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof Token t) {
            String v = t.value();
            if (v.isEmpty() || !(isAlpha(v.charAt(0)) || v.charAt(0) == '*')
                    || !v.chars().allMatch(c -> isTchar((char) c) || c == ':' || c == '/')) {
                throw new StructuredFieldException("not a token");
            }
            out.append(v);
        } else if (value instanceof ByteSequence b) {
            out.append(':').append(Base64.getEncoder().encodeToString(b.bytes)).append(':');
        } else if (value instanceof Boolean b) {
            out.append(b ? "?1" : "?0");
        } else if (value instanceof Date d) {
            if (d.epochSeconds() > MAX_INTEGER || d.epochSeconds() < -MAX_INTEGER) {
                throw new StructuredFieldException("date out of range");
            }
            out.append('@').append(d.epochSeconds());
        } else if (value instanceof DisplayString d) {
            out.append("%\"");
            for (byte b : d.value().getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c == '%' || c == '"' || c < 0x20 || c > 0x7e) {
                    out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    out.append((char) c);
                }
            }
            out.append('"');
        } else {
            throw new StructuredFieldException("not a bare item: " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    // ---- character classes ----

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLcHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }

    private static boolean isKeyChar(char c) {
        return isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    /** RFC 9110 tchar. */
    static boolean isTchar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
