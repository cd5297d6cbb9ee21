// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.canonical.CanonicalQuery;
import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.ByteSequence;
import dev.signet.core.internal.sf.StructuredFields.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The signature base of RFC 9421 section 2.5: one line per covered component, {@code identifier ": " value},
 * then the {@code "@signature-params"} line, joined by LF with no trailing LF. Component values follow
 * sections 2.1 (fields, with {@code sf}, {@code key}, {@code bs}, {@code tr} and {@code req}) and 2.2 (derived
 * components). Any component that cannot be produced fails with a {@link ComponentException} naming it.
 */
public final class SignatureBase {

    private static final Pattern OBS_FOLD = Pattern.compile("[ \\t]*\\r?\\n[ \\t]+");

    private SignatureBase() {
    }

    /** The base of a signature with {@code params} over {@code message}. */
    public static String of(HttpMessage message, SignatureParams params, FieldTypes types) {
        StringBuilder base = new StringBuilder();
        for (ComponentId c : params.components()) {
            base.append(line(message, c, types)).append('\n');
        }
        base.append("\"@signature-params\": ").append(params.serialized());
        String text = base.toString();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e) {
                throw new ComponentException(null, "the signature base holds a character outside ASCII");
            }
        }
        return text;
    }

    /** One line of a base: {@code "identifier": value}. */
    public static String line(HttpMessage message, ComponentId component, FieldTypes types) {
        return component.serialized() + ": " + value(message, component, types);
    }

    /** The value of one component in {@code message}. */
    public static String value(HttpMessage message, ComponentId c, FieldTypes types) {
        HttpMessage source = message;
        if (c.has("req")) {
            if (message.isRequest() || message.request() == null) {
                throw new ComponentException(c, "req names the request of a response, and there is none");
            }
            source = message.request();
        }
        String value = c.isDerived() ? derived(source, c) : field(source, c, types);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new ComponentException(c, "the value holds a line break");
        }
        return value;
    }

    private static String derived(HttpMessage m, ComponentId c) {
        if (c.name().equals("@status")) {
            if (m.isRequest()) {
                throw new ComponentException(c, "@status is a response component");
            }
            return String.format("%03d", m.status());
        }
        if (!m.isRequest()) {
            throw new ComponentException(c, c.name() + " is a request component");
        }
        return switch (c.name()) {
            case "@method" -> m.method();
            case "@target-uri" -> m.targetUri();
            case "@authority" -> m.authority();
            case "@scheme" -> m.scheme();
            case "@request-target" -> m.requestTarget();
            case "@path" -> m.path();
            case "@query" -> "?" + (m.query() == null ? "" : m.query());
            case "@query-param" -> queryParam(m, c);
            default -> throw new ComponentException(c, "unknown derived component");
        };
    }

    /**
     * Section 2.2.8: the query is parsed as application/x-www-form-urlencoded, names and values are
     * re-encoded (space as %20), and the one parameter whose encoded name matches is the value.
     */
    private static String queryParam(HttpMessage m, ComponentId c) {
        String wanted = c.param("name");
        List<String> values = new ArrayList<>();
        if (m.query() != null) {
            for (String pair : m.query().split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (formEncode(formDecode(name)).equals(wanted)) {
                    values.add(formEncode(formDecode(value)));
                }
            }
        }
        if (values.size() != 1) {
            throw new ComponentException(c, values.isEmpty() ? "the query has no such parameter"
                    : "the query has that parameter " + values.size() + " times");
        }
        return values.get(0);
    }

    private static String formDecode(String s) {
        return new String(CanonicalQuery.percentDecode(s.replace('+', ' ')), StandardCharsets.UTF_8);
    }

    /** The application/x-www-form-urlencoded percent-encode set, but a space is %20. */
    static String formEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' || c == '-'
                    || c == '.' || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String field(HttpMessage m, ComponentId c, FieldTypes types) {
        List<String> lines = (c.has("tr") ? m.trailers() : m.fields()).values(c.name());
        if (lines.isEmpty()) {
            throw new ComponentException(c, "the message has no " + (c.has("tr") ? "trailer " : "field ") + c.name());
        }
        List<String> canonical = lines.stream().map(SignatureBase::canonicalLine).toList();
        if (c.has("bs")) {
            StringBuilder out = new StringBuilder();
            for (String line : canonical) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(StructuredFields.serializeBareItem(new ByteSequence(line.getBytes(StandardCharsets.ISO_8859_1))));
            }
            return out.toString();
        }
        String joined = String.join(", ", canonical);
        try {
            if (c.has("key")) {
                Map<String, Member> dict = StructuredFields.parseDictionary(joined);
                Member member = dict.get(c.param("key"));
                if (member == null) {
                    throw new ComponentException(c, "the dictionary has no member " + c.param("key"));
                }
                return StructuredFields.serializeMember(member);
            }
            if (c.has("sf")) {
                FieldTypes.Type type = types.of(c.name()).orElseThrow(() ->
                        new ComponentException(c, "the structured type of " + c.name() + " is not known"));
                return switch (type) {
                    case DICTIONARY -> StructuredFields.serializeDictionary(StructuredFields.parseDictionary(joined));
                    case LIST -> StructuredFields.serializeList(StructuredFields.parseList(joined));
                    case ITEM -> StructuredFields.serializeItem(StructuredFields.parseItem(joined));
                };
            }
        } catch (StructuredFieldException e) {
            throw new ComponentException(c, "not a valid structured field: " + e.getMessage());
        }
        return joined;
    }

    /** Section 2.1: obsolete line folding replaced by one space, leading and trailing whitespace removed. */
    static String canonicalLine(String raw) {
        String unfolded = OBS_FOLD.matcher(raw).replaceAll(" ");
        int start = 0;
        int end = unfolded.length();
        while (start < end && (unfolded.charAt(start) == ' ' || unfolded.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (unfolded.charAt(end - 1) == ' ' || unfolded.charAt(end - 1) == '\t')) {
            end--;
        }
        return unfolded.substring(start, end);
    }
}
