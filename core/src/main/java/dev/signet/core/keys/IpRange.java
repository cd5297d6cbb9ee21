// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A CIDR block, IPv4 or IPv6, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is /32 or /128. */
public final class IpRange {

    /** Longer than any literal ("[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]" is 47): no work on junk. */
    private static final int MAX_LITERAL = 64;

    private final String text;
    private final byte[] network;
    private final int prefixLength;

    private IpRange(String text, byte[] network, int prefixLength) {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses a CIDR block; throws {@link IllegalArgumentException} when it is not one. Never resolves names. */
    public static IpRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = literal(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + cidr));
        // An IPv4-mapped literal (::ffff:a.b.c.d) comes back as its 4 IPv4 bytes, so an address compares
        // equal whichever way it arrives; its prefix is still written in IPv6 bits, from /96 to /128.
        boolean mapped = address.length == 4 && addressPart.indexOf(':') >= 0;
        int offset = mapped ? 96 : 0;
        int maxPrefix = address.length * 8 + offset;
        int prefix = maxPrefix;
        if (slash >= 0) {
            // ASCII digits only: Integer.parseInt would also take "+8" and non-ASCII digits such as "٨".
            String digits = trimmed.substring(slash + 1);
            prefix = digits.length() <= 3 ? decimal(digits, 0, digits.length()) : -1;
            if (prefix < offset || prefix > maxPrefix) {
                throw new IllegalArgumentException("bad prefix length in " + cidr
                        + (mapped ? " (an IPv4-mapped block takes /96 to /128)" : ""));
            }
        }
        return new IpRange(trimmed, mask(address, prefix - offset), prefix - offset);
    }

    /** Parses an address literal (no name lookup), or empty when the text is not one. */
    public static Optional<InetAddress> address(String text) {
        return literal(text).flatMap(bytes -> {
            try {
                return Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        });
    }

    public boolean contains(InetAddress candidate) {
        byte[] bytes = candidate.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /**
     * The address bytes of an IPv4 dotted quad or an RFC 4291 IPv6 text form (brackets allowed), read by hand so
     * that no text ever reaches the resolver and each literal has one reading: ASCII digits only, no leading
     * zeros in IPv4 (C parsers read "010" as octal 8), no zone id. IPv4-mapped IPv6 comes back as the 4 IPv4
     * bytes, as InetAddress does, so IPv4 blocks match it.
     */
    private static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LITERAL) {
            return Optional.empty();
        }
        byte[] bytes;
        if (text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
            bytes = ipv6(text, 1, text.length() - 1); // brackets only ever enclose IPv6
        } else if (text.indexOf(':') >= 0) {
            bytes = ipv6(text, 0, text.length());
        } else {
            bytes = ipv4(text, 0, text.length());
        }
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return Optional.ofNullable(bytes);
    }

    /** Exactly four parts of 0-255 in text[from, to), or null. */
    private static byte[] ipv4(String text, int from, int to) {
        byte[] out = new byte[4];
        int start = from;
        for (int part = 0; part < 4; part++) {
            int end = part < 3 ? text.indexOf('.', start) : to;
            if (end < 0 || end > to) {
                return null;
            }
            int length = end - start;
            if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
                return null;
            }
            int value = decimal(text, start, end);
            if (value < 0 || value > 255) {
                return null; // a non-digit, or a fourth '.' left inside the last part
            }
            out[part] = (byte) value;
            start = end + 1;
        }
        return out;
    }

    /** Eight groups of 1-4 hex digits, at most one "::", an optional dotted quad as the last 32 bits; or null. */
    private static byte[] ipv6(String text, int from, int to) {
        int gap = text.indexOf("::", from);
        if (gap >= to - 1) {
            gap = -1;
        }
        int again = gap < 0 ? -1 : text.indexOf("::", gap + 1);
        if (again >= 0 && again < to - 1) {
            return null; // a second "::", or ":::"
        }
        byte[] head = groups(text, from, gap < 0 ? to : gap, gap < 0);
        byte[] tail = gap < 0 ? new byte[0] : groups(text, gap + 2, to, true);
        if (head == null || tail == null) {
            return null;
        }
        int length = head.length + tail.length;
        if (gap < 0 ? length != 16 : length > 14) { // "::" stands for at least one zero group
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, 16 - tail.length, tail.length);
        return out;
    }

    /**
     * The bytes of the ':'-separated groups in text[from, to), which may be empty; a dotted quad is allowed as the
     * last group only when this run ends the address. Null when any group is malformed.
     */
    private static byte[] groups(String text, int from, int to, boolean endsAddress) {
        if (from == to) {
            return new byte[0];
        }
        byte[] out = new byte[16];
        int length = 0;
        int start = from;
        while (true) {
            int colon = text.indexOf(':', start);
            int end = colon < 0 || colon >= to ? to : colon;
            if (end == to && endsAddress && text.lastIndexOf('.', to - 1) >= start) {
                byte[] v4 = length <= 12 ? ipv4(text, start, to) : null;
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, length, 4);
                return Arrays.copyOf(out, length + 4);
            }
            int value = hexGroup(text, start, end);
            if (value < 0 || length == 16) {
                return null;
            }
            out[length++] = (byte) (value >> 8);
            out[length++] = (byte) value;
            if (end == to) {
                return Arrays.copyOf(out, length);
            }
            start = end + 1;
        }
    }

    /** 1-4 ASCII hex digits in text[from, to), or -1. */
    private static int hexGroup(String text, int from, int to) {
        if (to - from < 1 || to - from > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** The value of 1-9 ASCII digits in text[from, to), or -1. Not Character.digit: it takes any script's digits. */
    private static int decimal(String text, int from, int to) {
        if (to - from < 1 || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - bitsHere));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
