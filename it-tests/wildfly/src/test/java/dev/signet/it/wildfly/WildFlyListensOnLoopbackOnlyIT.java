// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.it.scenarios.LoopbackOnly;
import dev.signet.it.scenarios.ScenarioWar;

/** The running server accepts connections on 127.0.0.1 only: tests must never open a port to the network. */
@ExtendWith(ArquillianExtension.class)
class WildFlyListensOnLoopbackOnlyIT {

    /** The scenario WAR, so that everything it starts (its Infinispan cache among them) runs too. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return WildFlyWar.of(ScenarioWar.create());
    }

    @ArquillianResource
    java.net.URL base;

    @Test
    void everyListeningSocketOfTheServerIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        int offset = Integer.parseInt(System.getProperty("it.wildfly.port-offset"));
        int httpPort = 8080 + offset;
        int managementPort = 9990 + offset;
        assertEquals(managementPort, Integer.parseInt(System.getProperty("it.wildfly.management-port")),
            "it.wildfly.management-port must be 9990 plus it.wildfly.port-offset");
        assertEquals(LoopbackOnly.LOOPBACK, base.getHost(), base::toString);
        assertEquals(httpPort, base.getPort(), base::toString);

        LoopbackOnly.assertListening(serverPid(), Map.of(
            "the HTTP listener", httpPort,
            "the management listener", managementPort));
    }

    /** The one JVM whose command line names this build's WildFly home (the adapter passes -Djboss.home.dir). */
    private static long serverPid() {
        String home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath().normalize().toString();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
            .filter(process -> process.info().arguments()
                .map(arguments -> List.of(arguments).contains("-Djboss.home.dir=" + home))
                .orElse(false))
            .toList();
        assertEquals(1, servers.size(), () -> "WildFly processes with jboss.home.dir " + home + ": " + servers);
        return servers.get(0).pid();
    }
}
