// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.signet.it.scenarios.ScenarioWar;
import dev.signet.it.scenarios.SignedWarScenarios;

/** The scenario suite on GlassFish 7 (Jersey + Weld): the WAR needs nothing GlassFish-specific. */
class GlassFishScenariosIT extends SignedWarScenarios {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ScenarioWar.create();
    }
}
