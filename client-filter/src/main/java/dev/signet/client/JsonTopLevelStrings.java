// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The string members at the top level of a JSON object, for reading an error body; other members are
 * parsed and skipped. Strict: anything that is not one well-formed object (trailing text, a duplicate
 * name, nesting deeper than {@link #MAX_DEPTH}) gives nothing, so an ambiguous body is never read as a
 * refusal. The client's runtime has no JSON library of its own, hence this one.
 */
final class JsonTopLevelStrings {

    private static final int MAX_DEPTH = 16;

    private final String text;
    private int at;

    private JsonTopLevelStrings(String text) {
        this.text = text;
    }

    static Optional<Map<String, String>> read(String json) {
        JsonTopLevelStrings reader = new JsonTopLevelStrings(json);
        try {
            Map<String, String> strings = new HashMap<>();
            reader.space();
            reader.object(0, strings);
            reader.space();
            return reader.at == json.length() ? Optional.of(strings) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    /** An object; its string members go to {@code strings} when it is the top one (else null). */
    private void object(int depth, Map<String, String> strings) {
        expect('{');
        Set<String> names = new HashSet<>();
        space();
        if (peek() == '}') {
            at++;
            return;
        }
        do {
            space();
            String name = string();
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate member");
            }
            space();
            expect(':');
            space();
            if (peek() == '"') {
                String value = string();
                if (strings != null) {
                    strings.put(name, value);
                }
            } else {
                value(depth + 1);
            }
            space();
        } while (next() == ',');
        at--;
        expect('}');
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        char c = peek();
        switch (c) {
            case '{' -> object(depth, null);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void array(int depth) {
        expect('[');
        space();
        if (peek() == ']') {
            at++;
            return;
        }
        do {
            space();
            value(depth + 1);
            space();
        } while (next() == ',');
        at--;
        expect(']');
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        for (char c; (c = next()) != '"'; ) {
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
        return out.toString();
    }

    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        digits();
        if (at < text.length() && peek() == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (peek() == 'e' || peek() == 'E')) {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
        if (at == start) {
            throw new IllegalArgumentException("not a value");
        }
    }

    private void digits() {
        int start = at;
        while (at < text.length() && peek() >= '0' && peek() <= '9') {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("digits expected");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("not a value");
        }
        at += word.length();
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char peek() {
        return text.charAt(at);
    }

    private char next() {
        return text.charAt(at++);
    }
}
