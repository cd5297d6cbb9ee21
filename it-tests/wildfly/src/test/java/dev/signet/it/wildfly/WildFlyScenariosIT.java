// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.signet.it.scenarios.ScenarioWar;
import dev.signet.it.scenarios.SignedWarScenarios;

/**
 * The scenario suite on WildFly 39 (RESTEasy + Weld). The WAR needs one WildFly descriptor, which every user
 * of Signet on WildFly needs too: {@link WildFlyWar#DEPLOYMENT_STRUCTURE}. The server runs with
 * {@code integrated-jaspi=false} on the application security domain {@code other}
 * ({@code src/test/resources/wildfly/server.yml}), as a user's server must for the verified key to be the
 * Jakarta Security caller: a default WildFly refuses that login ({@code ELY01177}), so
 * {@code theServersOwnSecurityChecksSeeTheVerifiedKey} runs here as on GlassFish and Payara.
 */
class WildFlyScenariosIT extends SignedWarScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WildFlyWar.of(ScenarioWar.create());
    }
}
