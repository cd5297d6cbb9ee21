// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyModelTest {

    private static final String SECRET = "very-secret-value-42";

    @Test
    void toStringOfAKeyNeverShowsItsSecrets() {
        ApiKey key = ApiKey.builder("key-1").secret(Secret.validUntil(SECRET + "-old", Instant.EPOCH)).secret(SECRET)
                .scopes("a:read").allowedIp("10.0.0.0/8").tenant("t1").rateLimitPerMinute(5).build();
        String printed = key.toString() + key.secrets() + key.signingSecret();
        assertFalse(printed.contains(SECRET), printed);
        assertTrue(printed.contains("key-1") && printed.contains("a:read"), "the rest is printed: " + printed);
    }

    @Test
    void secretsNeverCompareEqualByValue() {
        assertFalse(Secret.of(SECRET).equals(Secret.of(SECRET)));
    }

    @Test
    void cidrBlocksMatchIpv4AndIpv6() throws Exception {
        IpRange v4 = IpRange.parse("192.168.1.0/24");
        assertTrue(v4.contains(InetAddress.getByName("192.168.1.77")));
        assertFalse(v4.contains(InetAddress.getByName("192.168.2.1")));
        IpRange v6 = IpRange.parse("2001:db8::/32");
        assertTrue(v6.contains(InetAddress.getByName("2001:db8:1::5")));
        assertFalse(v6.contains(InetAddress.getByName("2001:db9::1")));
        assertFalse(v6.contains(InetAddress.getByName("192.168.1.77")), "families never match each other");
        assertTrue(IpRange.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(IpRange.parse("::ffff:10.1.2.3").contains(InetAddress.getByName("10.1.2.3")));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void badCidrBlocksAndHostNamesAreRefusedWithoutALookup() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("::/129"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/x"));
        assertTrue(IpRange.address("localhost").isEmpty());
    }

    @Test
    void aKeyNeedsAnIdAndASecret() {
        assertThrows(IllegalArgumentException.class, () -> ApiKey.builder(" ").secret("s").build());
        assertThrows(IllegalArgumentException.class, () -> ApiKey.builder("k").build());
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
    }
}
