// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.it.scenarios.LoopbackOnly;
import dev.signet.it.scenarios.ScenarioWar;

/** The running server accepts connections on 127.0.0.1 only: tests must never open a port to the network. */
@ExtendWith(ArquillianExtension.class)
class GlassFishListensOnLoopbackOnlyIT {

    /** The scenario WAR, so that its Infinispan cache (and the JGroups transport) runs too. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ScenarioWar.create();
    }

    @Test
    void everyListeningSocketOfTheServerIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        long pid = serverPid();

        LoopbackOnly.assertListening(pid, Map.of(
            "the HTTP listener", port("glassfish.domain1.httpPort"),
            "the admin listener", port("glassfish.domain1.adminPort")));
    }

    private static long serverPid() throws Exception {
        // GlassFish writes its process id here while the domain runs.
        Path pidFile = Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1", "config", "pid");
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }
}
