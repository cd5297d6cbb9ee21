// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.signet.it.scenarios.ScenarioWar;
import dev.signet.it.scenarios.SignedWarScenarios;

/**
 * The scenario suite on WildFly 39 (RESTEasy + Weld). The WAR needs one WildFly descriptor, which every user
 * of Signet on WildFly needs too: {@link WildFlyWar#DEPLOYMENT_STRUCTURE}.
 */
class WildFlyScenariosIT extends SignedWarScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WildFlyWar.of(ScenarioWar.create());
    }

    /**
     * Not on a default WildFly: Elytron refuses the login of an identity its security domain does not hold
     * ({@code ELY01177: Authorization failed}) unless the application security domain has
     * {@code integrated-jaspi=false}; the key stays the JAX-RS caller, which is all RESTEasy's and Signet's
     * {@code @RolesAllowed} check need.
     */
    @Override
    protected boolean verifiedKeyIsTheServersCaller() {
        return false;
    }
}
