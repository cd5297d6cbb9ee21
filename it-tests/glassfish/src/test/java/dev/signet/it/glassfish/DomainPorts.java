// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port a GlassFish domain can open, derived from one base with the offsets that
 * {@code asadmin create-domain --portbase} uses, so that two domains on one machine differ
 * by their base alone.
 */
public record DomainPorts(int base) {

    public DomainPorts {
        // The highest offset is 86; stay below the ephemeral range so the OS never hands a port out first.
        if (base < 1024 || base + 99 >= 32768) {
            throw new IllegalArgumentException("port base must be in [1024, 32668]: " + base);
        }
    }

    public int admin() { return base + 48; }
    public int http() { return base + 80; }
    public int https() { return base + 81; }
    public int iiop() { return base + 37; }
    public int iiopSsl() { return base + 38; }
    public int iiopMutualAuth() { return base + 39; }
    public int jms() { return base + 76; }
    public int jmx() { return base + 86; }
    public int osgiShell() { return base + 66; }
    public int debugger() { return base + 9; }

    /** The ports a test needs to reach, as the system properties arquillian.xml reads. */
    public Map<String, String> asProperties(String prefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "adminPort", String.valueOf(admin()));
        properties.put(prefix + "httpPort", String.valueOf(http()));
        properties.put(prefix + "httpsPort", String.valueOf(https()));
        return properties;
    }
}
