// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.keys.IpRange;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the client address behind proxies: trusted proxy blocks, which forwarding header is configured, the
 * peer address, and any number of forwarding header values under either name.
 *
 * <p>Invariants: {@code of} never throws; the answer is empty when the peer is not an address literal; a peer
 * that is not a trusted proxy is the answer whatever the headers say (they cannot be spoofed past it); and an
 * answer that is a trusted proxy comes only from a chain of trusted hops, never from skipping an untrusted one.
 */
public class ForwardedAddressesFuzzTest {

    static final List<String> BLOCKS = List.of("127.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "0.0.0.0/0", "::/0",
            "192.0.2.0/24", "::ffff:192.0.2.1");

    static final List<String> HOPS = List.of("10.1.2.3", "203.0.113.9", "127.0.0.1", "::1", "2001:db8::5", "[2001:db8::5]:443",
            "198.51.100.7:8080", "::ffff:10.9.8.7", "unknown", "_hidden", "for=10.0.0.1", "for=\"[2001:db8::1]:4711\";proto=https",
            "FOR=192.0.2.60", "by=10.0.0.2;for=203.0.113.1");

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({",", ";", "for=", "\"", "[", "]", ":", "::", "."})
    public void forwardedAddressIsNeverSpoofedPastAnUntrustedHop(FuzzedDataProvider data) {
        List<IpRange> trusted = new ArrayList<>();
        int blocks = data.consumeInt(0, 3);
        for (int i = 0; i < blocks; i++) {
            trusted.add(IpRange.parse(data.pickValue(BLOCKS)));
        }
        ForwardedHeader configured = data.pickValue(ForwardedHeader.values());
        String peer = data.consumeBoolean() ? null : data.consumeBoolean() ? data.pickValue(HOPS) : data.consumeString(48);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int values = data.consumeInt(0, 6);
        for (int i = 0; i < values; i++) {
            String name = data.pickValue(List.of("X-Forwarded-For", "Forwarded", "x-forwarded-for", "FORWARDED"));
            String value = data.consumeBoolean() ? joinedHops(data) : data.consumeString(200);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }

        ForwardedAddresses addresses = new ForwardedAddresses(trusted, configured);
        Optional<InetAddress> client = addresses.of(new ReceivedRequest("GET", "/", HeaderSource.ofLists(headers), peer));

        Optional<InetAddress> peerAddress = peer == null ? Optional.empty() : IpRange.address(peer);
        if (peerAddress.isEmpty()) {
            assertEquals(Optional.empty(), client, () -> "no peer address, yet " + client);
            return;
        }
        if (!isTrusted(trusted, peerAddress.get())) {
            assertEquals(peerAddress, client, () -> "an untrusted peer's headers were read: " + headers);
            return;
        }
        if (client.isPresent() && isTrusted(trusted, client.get())) {
            // Only a chain of trusted hops ends on a trusted address: each hop of the configured header was one.
            for (String value : HeaderSource.ofLists(headers).values(configured.headerName())) {
                for (String element : value.split(",")) {
                    for (String hop : hopsOf(configured, element)) {
                        Optional<InetAddress> a = IpRange.address(stripPort(hop));
                        assertTrue(a.isPresent() && isTrusted(trusted, a.get()),
                                () -> "answered trusted " + client + " past hop \"" + hop + "\" of " + headers);
                    }
                }
            }
        }
    }

    private static String joinedHops(FuzzedDataProvider data) {
        StringBuilder out = new StringBuilder();
        int n = data.consumeInt(1, 40); // past the 32 hops the walk reads
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : data.consumeBoolean() ? ", " : ",").append(data.pickValue(HOPS));
        }
        return out.toString();
    }

    private static List<String> hopsOf(ForwardedHeader header, String element) {
        if (element.isBlank()) {
            return List.of();
        }
        if (header == ForwardedHeader.X_FORWARDED_FOR) {
            return List.of(element.trim());
        }
        List<String> hops = new ArrayList<>();
        for (String pair : element.split(";")) {
            String p = pair.trim();
            if (p.regionMatches(true, 0, "for=", 0, 4)) {
                hops.add(p.substring(4).replace("\"", ""));
            }
        }
        return hops;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    private static boolean isTrusted(List<IpRange> trusted, InetAddress address) {
        return trusted.stream().anyMatch(r -> r.contains(address));
    }
}
