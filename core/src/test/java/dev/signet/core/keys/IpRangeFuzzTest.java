// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Fuzzes the hand-written address literal and CIDR parser.
 *
 * <p>Invariants: {@code address} never throws; {@code parse} throws nothing but an IllegalArgumentException
 * with a message; a parsed block reads back from its own text as the same block and contains the address it was
 * written with; a literal with any prefix up to its family's length is a block; every literal {@code address} accepts is one the JDK's own literal parser reads to the same bytes
 * (the JDK accepts more: octal-looking parts, fewer than four IPv4 parts, zone ids).
 */
public class IpRangeFuzzTest {

    /** The JDK's literal parser, which never resolves; reachable only with java.base/sun.net.util exported. */
    private static final Method JDK_V4 = jdkParser("textToNumericFormatV4");
    private static final Method JDK_V6 = jdkParser("textToNumericFormatV6");

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"::", ":", ".", "/", "[", "]", "ffff", "::ffff:", "255", "0", "/128", "/32", "%", "1.2.3.4"})
    public void literalsAndBlocksParseStrictlyAndNeverThrowOtherwise(FuzzedDataProvider data) throws Exception {
        String text = data.consumeString(100);

        Optional<InetAddress> address = IpRange.address(text);
        IpRange range = null;
        try {
            range = IpRange.parse(text);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            assertFalse(refused.getMessage().isBlank());
        }

        if (address.isPresent()) {
            byte[] bytes = address.get().getAddress();
            assertTrue(bytes.length == 4 || bytes.length == 16);
            assertNotNull(range, () -> "address() accepts \"" + text + "\" but parse() does not");
            assertTrue(range.contains(address.get()));
            // Any prefix up to the length of the literal's own family makes a block; an IPv4-mapped literal is
            // written with its IPv6 prefix, /96 to /128 (IpRangeRegressionTest).
            boolean mapped = bytes.length == 4 && text.indexOf(':') >= 0;
            int prefix = mapped ? data.consumeInt(96, 128) : data.consumeInt(0, bytes.length * 8);
            assertTrue(IpRange.parse(text + "/" + prefix).contains(address.get()), () -> text + "/" + prefix);
            if (JDK_V4 != null) {
                String bare = text.startsWith("[") ? text.substring(1, text.length() - 1) : text;
                byte[] jdk = (byte[]) (bare.indexOf(':') >= 0 ? JDK_V6 : JDK_V4).invoke(null, bare);
                assertNotNull(jdk, () -> "the JDK does not read \"" + text + "\" as a literal");
                assertArrayEquals(jdk, bytes, () -> "\"" + text + "\" read as " + HexFormat.of().formatHex(bytes)
                        + ", by the JDK as " + HexFormat.of().formatHex(jdk));
            }
        }
        if (range != null) {
            assertEquals(range, IpRange.parse(range.toString()));
            String trimmed = text.trim();
            int slash = trimmed.indexOf('/');
            InetAddress written = IpRange.address(slash < 0 ? trimmed : trimmed.substring(0, slash)).orElseThrow(
                    () -> new AssertionError("parse() accepts \"" + text + "\" but address() not its address part"));
            assertTrue(range.contains(written));
        }
    }

    /** The surefire configuration exports the package, so the comparison with the JDK is never silently off. */
    @org.junit.jupiter.api.Test
    void theJdkLiteralParserToCompareWithIsReachable() {
        assertNotNull(JDK_V4, "run with --add-exports java.base/sun.net.util=ALL-UNNAMED");
        assertNotNull(JDK_V6);
    }

    private static Method jdkParser(String name) {
        try {
            Method m = Class.forName("sun.net.util.IPAddressUtil").getMethod(name, String.class);
            m.invoke(null, "1.2.3.4"); // fails unless the package is exported to this module
            return m;
        } catch (ReflectiveOperationException | RuntimeException notExported) {
            return null;
        }
    }
}
