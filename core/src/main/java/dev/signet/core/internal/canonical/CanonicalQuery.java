// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.canonical;

import dev.signet.core.internal.crypto.LowerHex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical form of a query string, for schemes that sign it: each {@code name=value} pair (a pair
 * without {@code =} has an empty value) percent-decoded, then encoded again with RFC 3986's unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) left as is and every other byte as upper-case {@code %XX} ({@code +} is a
 * literal plus: it is a space only in HTML forms), sorted by encoded name then encoded value, joined with
 * {@code &}. Empty pairs are dropped. This is the form AWS Signature Version 4 uses, so proxies that
 * re-encode or reorder parameters do not break a signature, while any change of a name or value does.
 */
public final class CanonicalQuery {

    private CanonicalQuery() {
    }

    public static String of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(percentDecode(name)), encode(percentDecode(value))});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /**
     * Percent-decoding to bytes; a {@code %} not followed by two hex digits stays a literal {@code %}. Also
     * the first step of RFC 9421's {@code @query-param} form decoding.
     */
    public static byte[] percentDecode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && LowerHex.digit(in[i + 1]) >= 0 && LowerHex.digit(in[i + 2]) >= 0) {
                out.write(LowerHex.digit(in[i + 1]) * 16 + LowerHex.digit(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
