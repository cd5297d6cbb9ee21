// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request field: a Structured Fields String (RFC 8941 section 3.3.3), such as
 * {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}. The bare form many clients send ({@code 8e03978e-...},
 * without quotes) is accepted too. At most 255 characters, printable ASCII, not empty, one field only.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** What a request carries: no key, a bad one, or a key. */
    sealed interface Parsed permits Missing, Malformed, Key {
    }

    record Missing() implements Parsed {
    }

    record Malformed(String why) implements Parsed {
    }

    record Key(String value) implements Parsed {
    }

    private IdempotencyKeyHeader() {
    }

    static Parsed parse(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return new Missing();
        }
        if (fields.size() > 1) {
            return new Malformed("more than one Idempotency-Key field");
        }
        String text = fields.get(0).strip();
        Optional<String> value = text.startsWith("\"") ? sfString(text) : bare(text);
        if (value.isEmpty()) {
            return new Malformed("Idempotency-Key must be a quoted string of printable ASCII");
        }
        if (value.get().isEmpty() || value.get().length() > MAX_LENGTH) {
            return new Malformed("Idempotency-Key must be 1 to " + MAX_LENGTH + " characters");
        }
        return new Key(value.get());
    }

    /** RFC 8941 sf-string: DQUOTE *( unescaped / "\" ( DQUOTE / "\" ) ) DQUOTE, nothing after it. */
    private static Optional<String> sfString(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i >= text.length() || (text.charAt(i) != '"' && text.charAt(i) != '\\')) {
                    return Optional.empty();
                }
                out.append(text.charAt(i));
            } else if (c == '"') {
                return i == text.length() - 1 ? Optional.of(out.toString()) : Optional.empty();
            } else if (c < 0x20 || c > 0x7E) {
                return Optional.empty();
            } else {
                out.append(c);
            }
        }
        return Optional.empty(); // no closing quote
    }

    private static Optional<String> bare(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ',')
                ? Optional.of(text) : Optional.empty();
    }
}
