// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.address;

import dev.signet.core.keys.IpRange;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.ReceivedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client's address for the allowlist: the connection's peer, unless that peer is a trusted proxy; then
 * the one configured forwarding header is walked from the right, skipping trusted proxies, and the first
 * untrusted hop is the client. Headers from an untrusted peer are ignored, so they cannot be spoofed. A hop
 * that is not an address literal yields no address, so an allowlist refuses.
 */
public final class ForwardedAddresses implements Ports.ClientAddress {

    /** More hops than any real chain of proxies: bounds the work a crafted header can ask for. */
    private static final int MAX_HOPS = 32;

    private final List<IpRange> trustedProxies;
    private final ForwardedHeader header;

    public ForwardedAddresses(List<IpRange> trustedProxies, ForwardedHeader header) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.header = header;
    }

    @Override
    public Optional<InetAddress> of(ReceivedRequest request) {
        Optional<InetAddress> current = request.peerAddress() == null ? Optional.empty() : IpRange.address(request.peerAddress());
        if (current.isEmpty() || !isTrusted(current.get())) {
            return current;
        }
        List<String> values = request.headers().values(header.headerName());
        List<String> hops = header == ForwardedHeader.FORWARDED ? forwardedFor(values) : commaSeparated(values);
        if (hops.size() > MAX_HOPS) {
            return Optional.empty();
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.address(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                return Optional.empty(); // an obfuscated or garbled hop: no address
            }
            current = hop;
            if (!isTrusted(hop.get())) {
                return current;
            }
        }
        return current;
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(r -> r.contains(address));
    }

    private static List<String> forwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String element : commaSeparated(headers)) {
            for (String pair : element.split(";", -1)) {
                String p = pair.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                    hops.add(p.substring(4).replace("\"", ""));
                }
            }
        }
        return hops;
    }

    private static List<String> commaSeparated(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String h : headers) {
            for (String part : h.split(",", -1)) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
