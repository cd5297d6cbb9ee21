package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.it.scenarios.ListeningSockets;
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

        List<InetSocketAddress> listening = ListeningSockets.of(pid);

        assertTrue(listening.stream().anyMatch(socket -> socket.getPort() == port("glassfish.domain1.httpPort")),
            () -> "the HTTP listener is not among " + listening);
        assertTrue(listening.stream().anyMatch(socket -> socket.getPort() == port("glassfish.domain1.adminPort")),
            () -> "the admin listener is not among " + listening);
        List<InetSocketAddress> notLoopback = listening.stream()
            .filter(socket -> !socket.getAddress().getHostAddress().equals(LoopbackDomain.LOOPBACK))
            .toList();
        assertEquals(List.of(), notLoopback, () -> "listening beyond 127.0.0.1; all: " + listening);
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
