// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Address literals from forwarding headers and configuration: one strict reading, never a name lookup. */
class IpLiteralTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("0.0.0.0", "00000000"),
                Arguments.of("127.0.0.1", "7f000001"),
                Arguments.of("10.0.0.1", "0a000001"),
                Arguments.of("255.255.255.255", "ffffffff"),
                Arguments.of("::", "00000000000000000000000000000000"),
                Arguments.of("::1", "00000000000000000000000000000001"),
                Arguments.of("2001:db8::1", "20010db8000000000000000000000001"),
                Arguments.of("2001:DB8:0:0:0:0:0:1", "20010db8000000000000000000000001"),
                Arguments.of("0000:0000:0000:0000:0000:0000:0000:0001", "00000000000000000000000000000001"),
                Arguments.of("1:2:3:4:5:6:7:8", "00010002000300040005000600070008"),
                Arguments.of("1::", "00010000000000000000000000000000"),
                Arguments.of("1:2:3:4:5:6:7::", "00010002000300040005000600070000"),
                Arguments.of("::2:3:4:5:6:7:8", "00000002000300040005000600070008"),
                Arguments.of("fe80::1:2", "fe800000000000000000000000010002"),
                Arguments.of("64:ff9b::192.0.2.33", "0064ff9b0000000000000000c0000221"),
                Arguments.of("1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304"),
                Arguments.of("::1.2.3.4", "00000000000000000000000001020304"),   // IPv4-compatible stays IPv6
                // IPv4-mapped comes back as IPv4, so IPv4 allowlists match it
                Arguments.of("::ffff:1.2.3.4", "01020304"),
                Arguments.of("::FFFF:10.1.2.3", "0a010203"),
                Arguments.of("::ffff:a01:203", "0a010203"),
                Arguments.of("0:0:0:0:0:ffff:1.2.3.4", "01020304"),
                Arguments.of("[::1]", "00000000000000000000000000000001"),
                Arguments.of("[2001:db8::1]", "20010db8000000000000000000000001"),
                Arguments.of("[::ffff:1.2.3.4]", "01020304"),
                Arguments.of("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "ff".repeat(16)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("valid")
    void validLiteralsParseToTheirBytes(String text, String expectedHex) {
        byte[] expected = HexFormat.of().parseHex(expectedHex);
        InetAddress address = IpRange.address(text).orElseThrow(() -> new AssertionError("refused " + text));
        assertArrayEquals(expected, address.getAddress());
        assertTrue(IpRange.parse(text).contains(address));
        // A block's prefix counts the bits of the literal as written: an IPv4-mapped one is IPv6, /128.
        int fullPrefix = text.indexOf(':') >= 0 ? 128 : 32;
        assertEquals(IpRange.parse(text), IpRange.parse(text + "/" + fullPrefix));
    }

    static Stream<String> refused() {
        return Stream.of(
                "999.0.0.1", "256.0.0.1", "1.2.3.256",
                "010.0.0.1", "00.0.0.1", "1.2.3.04",                         // leading zeros: octal to C parsers
                "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3.4", "1.2.3.4.",
                "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "+1.2.3.4", "1.2.3.-4", "0x7f.0.0.1", "2130706433",
                "١.٢.٣.٤", "１.２.３.４", "1.2.3.٤", "::١", "::１", "ＦＦ::1", "::ⅰ",
                "localhost", "example.com", "1.2.3.4.example.com", "dead:beef.com",
                "::1%lo", "fe80::1%eth0", "[fe80::1%25eth0]",
                "1::2::3", ":::", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7", "12345::1", "1:2:3:4:5:6:7:00000", "g::1", ":1::", "1:", ":1", "1::2:",
                "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.256", "1.2.3.4::", "::1.2.3.4:5",
                "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6:7:8:1.2.3.4", "::1.2.3.4.5",
                "[1.2.3.4]", "[::1", "::1]", "[[::1]]", "[]", "[", "]",
                "", ":", ".", "/", "/8",
                "1".repeat(4000), "1:".repeat(2000), "0:0:0:0:0:0:0:" + "0".repeat(60) + "1");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("refused")
    void everythingElseIsRefused(String text) {
        assertTrue(IpRange.address(text).isEmpty(), () -> "accepted " + text);
        if (text.equals(text.trim())) { // parse trims its configuration text first
            assertThrows(IllegalArgumentException.class, () -> IpRange.parse(text));
        }
    }

    @Test
    void prefixLengthsAreAsciiDigitsOnly() {
        assertEquals(IpRange.parse("10.0.0.0/8"), IpRange.parse("10.0.0.0/08"));
        for (String bad : new String[] {"10.0.0.0/+8", "10.0.0.0/-0", "10.0.0.0/٨", "10.0.0.0/８", "10.0.0.0/",
                "10.0.0.0/8/8", "::/1000", "::/" + "1".repeat(20)}) {
            assertThrows(IllegalArgumentException.class, () -> IpRange.parse(bad), bad);
        }
    }

    @Test
    void noNameIsEverLookedUp() throws IOException {
        // Each of these would reach the resolver through InetAddress.getByName.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 1000; i++) {
                assertTrue(IpRange.address("localhost").isEmpty());
                assertTrue(IpRange.address("999.0.0.1").isEmpty());
                assertTrue(IpRange.address("1.2.3.4.5").isEmpty());
                assertTrue(IpRange.address("host-" + i + ".invalid").isEmpty());
            }
        });
        // And the proof that does not depend on the network: the class names no resolving method at all
        // (getByName, getAllByName), only getByAddress.
        try (InputStream in = IpRange.class.getResourceAsStream("IpRange.class")) {
            String bytecode = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(bytecode.contains("ByName"), "IpRange calls a resolving InetAddress method");
            assertTrue(bytecode.contains("getByAddress"), "the check looks at the right class file");
        }
    }
}
