// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Bugs in {@link IpRange} found by fuzzing, each named for its bug. */
class IpRangeRegressionTest {

    /**
     * Found by ForwardedAddressesFuzzTest (seed crash-bad16d00…): {@code IpRange.parse("::ffff:0:0/96")} throws
     * "bad prefix length", because the IPv4-mapped literal is read as its 4 IPv4 bytes and the prefix is then
     * checked against 32. The IPv6 prefix of a mapped block is refused from /33 up, and read as an IPv4 prefix
     * up to /32 ("::ffff:1.2.3.4/8" is 1.0.0.0/8). Fails closed, but refuses the standard way to write the block.
     */
    @Test
    void ipv4MappedBlockWrittenWithItsIpv6PrefixIsRefused() {
        InetAddress inside = IpRange.address("192.0.2.1").orElseThrow();
        InetAddress outside = IpRange.address("192.0.2.2").orElseThrow();

        IpRange allMapped = assertDoesNotThrow(() -> IpRange.parse("::ffff:0:0/96"));
        IpRange one = assertDoesNotThrow(() -> IpRange.parse("::ffff:192.0.2.1/128"));

        assertTrue(allMapped.contains(inside));
        assertTrue(one.contains(inside));
        assertFalse(one.contains(outside));
    }
}
