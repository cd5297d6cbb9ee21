// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.signet.it.scenarios.LoopbackOnly;
import dev.signet.it.scenarios.ScenarioWar;
import dev.signet.it.scenarios.SignedWarScenarios;

/**
 * The scenario suite on Payara Micro 6 (Jersey + Weld), with no Payara descriptor in the WAR. The verified key
 * is Payara's Jakarta Security caller (its {@code SecurityContext} and EJB security see it), so Payara's own
 * JAX-RS {@code @RolesAllowed} filter (MicroProfile JWT's {@code RolesAllowedRequestFilter}, registered in
 * every JAX-RS application) admits a key holding the role; Signet's role check runs just before it and
 * refuses a key without the role in the scheme's own format.
 *
 * <p>The adapter starts one Payara Micro JVM per deployment and ends it at undeploy, so the loopback check
 * is a method here rather than a class of its own: a second class would start a second server on the same
 * port while the first one is still shutting down.
 */
class PayaraMicroScenariosIT extends SignedWarScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ScenarioWar.create();
    }

    /** The running server accepts connections on 127.0.0.1 only: tests must never open a port to the network. */
    @Test
    void everyListeningSocketOfPayaraMicroIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        long pid = PayaraMicroProcess.pid();

        LoopbackOnly.assertListening(pid, Map.of(
            "the HTTP listener", port("it.payara.httpPort"),
            "Hazelcast", port("it.payara.hazelcastPort")));
    }

    /** The deployment's URL points at loopback, where the server listens. */
    @Test
    void theTestsCallTheServerOnLoopback() throws Exception {
        assertTrue(InetAddress.getByName(base().getHost()).isLoopbackAddress(), base()::toString);
        assertEquals(port("it.payara.httpPort"), base().getPort(), base()::toString);
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }
}
