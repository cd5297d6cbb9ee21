// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeHeaders;
import dev.signet.core.scheme.SignatureEncoding;
import dev.signet.core.scheme.TimestampFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Header names and values drawn from fuzz data. Besides raw strings, a value may be generated well formed
 * (a timestamp near the test's clock, a MAC-sized signature in either encoding, a UUID, a known key id) so
 * that the fuzzer gets past the credential reader to the later steps without learning any format first.
 */
final class FuzzedRequests {

    /** Every header name a preset reads, and those the server's ports read. */
    static final List<String> HEADER_NAMES = headerNames();

    static final List<String> ADDRESSES = List.of("10.1.2.3", "203.0.113.9", "127.0.0.1", "::1", "2001:db8::5",
            "[2001:db8::5]:443", "198.51.100.7:8080", "::ffff:10.9.8.7", "unknown", "_hidden", "10.0.0.1, 203.0.113.9",
            "for=10.0.0.1", "for=\"[2001:db8::1]:4711\";proto=https, for=192.0.2.60");

    static final List<String> METHODS = List.of("GET", "POST", "post", "PUT", "DELETE", "PATCH", "HEAD");

    static final List<String> PATHS = List.of("/api/v1/items", "/", "/api/v1/items/%2F..%2F", "/a b", "");

    private FuzzedRequests() {
    }

    private static List<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Scheme scheme : Presets.all()) {
            SchemeHeaders h = scheme.headers();
            names.add(h.keyId());
            names.add(h.timestamp());
            names.add(h.signature());
            if (h.hasNonce()) {
                names.add(h.nonce());
            }
        }
        names.add("X-Forwarded-For");
        names.add("Forwarded");
        names.add(FuzzPorts.TENANT_HEADER);
        return List.copyOf(names);
    }

    static String method(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(16);
    }

    static String path(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(PATHS) : data.consumeString(96);
    }

    /** A known header name, in its own or another case, or any string. */
    static String headerName(FuzzedDataProvider data) {
        String name = data.pickValue(HEADER_NAMES);
        return switch (data.consumeInt(0, 3)) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT);
            case 2 -> name.toUpperCase(Locale.ROOT);
            default -> data.consumeString(24);
        };
    }

    /** A header value: raw, or well formed for one of the credential headers, maybe wrapped in whitespace. */
    static String headerValue(FuzzedDataProvider data) {
        String value = switch (data.consumeInt(0, 8)) {
            case 0 -> data.consumeString(300); // longer than MAX_HEADER_LENGTH sometimes
            case 1 -> TimestampFormat.EPOCH_SECONDS.format(FuzzPorts.NOW.plusSeconds(data.consumeLong(-400, 400)));
            case 2 -> TimestampFormat.ISO_8601.format(FuzzPorts.NOW.plusMillis(data.consumeLong(-400_000, 400_000)));
            case 3 -> SignatureEncoding.HEX.encode(mac(data));
            case 4 -> SignatureEncoding.BASE64.encode(mac(data));
            case 5 -> new UUID(data.consumeLong(), data.consumeLong()).toString();
            case 6 -> data.pickValue(FuzzPorts.KEY_IDS);
            case 7 -> data.pickValue(ADDRESSES);
            default -> data.consumeAsciiString(140);
        };
        return data.consumeBoolean() ? data.pickValue(List.of(" ", "\t", "  ")) + value + data.pickValue(List.of(" ", "\t", "")) : value;
    }

    /** 32 bytes, whatever is left of the input. */
    static byte[] mac(FuzzedDataProvider data) {
        byte[] mac = new byte[32];
        byte[] got = data.consumeBytes(32);
        System.arraycopy(got, 0, mac, 0, got.length);
        return mac;
    }

    static Set<String> scopes(FuzzedDataProvider data) {
        Set<String> scopes = new LinkedHashSet<>();
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            scopes.add(data.consumeBoolean() ? data.pickValue(List.of("items:write", "items:read", "admin")) : data.consumeString(12));
        }
        return scopes;
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
