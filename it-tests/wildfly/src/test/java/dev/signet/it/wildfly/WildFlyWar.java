// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.wildfly;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What a WAR with Signet must add to deploy on WildFly, and nothing else. */
final class WildFlyWar {

    /**
     * {@code src/test/resources/jboss-deployment-structure.xml}: gives the deployment the JDK module
     * {@code jdk.unsupported}, without which Infinispan (the replay cache) fails to start on WildFly.
     */
    static final String DEPLOYMENT_STRUCTURE = "jboss-deployment-structure.xml";

    private WildFlyWar() {
    }

    static WebArchive of(WebArchive war) {
        return war.addAsWebInfResource(DEPLOYMENT_STRUCTURE, DEPLOYMENT_STRUCTURE);
    }
}
