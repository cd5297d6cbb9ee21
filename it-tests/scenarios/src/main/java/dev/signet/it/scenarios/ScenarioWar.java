// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import java.util.Map;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.signet.it.Deployments;
import dev.signet.it.app.LedgerApplication;

/**
 * The WAR every server deploys: the ledger application ({@code dev.signet.it.app}) with the provider and its
 * Infinispan jars in {@code WEB-INF/lib}, and no Signet setting inside. The settings come from the server's
 * own configuration: each server module applies {@link #SERVER_SETTINGS} as system properties, as an
 * operator would.
 */
public final class ScenarioWar {

    /** The context root, so the application answers at {@code /ledger/api/...}. */
    public static final String NAME = "ledger";

    /**
     * What the server's configuration must hold: the scheme of {@code @SignedRequired} without a scheme
     * ({@code configured/echo} proves it was read) and a body limit above the 50 MiB upload.
     */
    public static final Map<String, String> SERVER_SETTINGS = Map.of(
        "signet.scheme", "canonical",
        "signet.max-body-bytes", String.valueOf(64L * 1024 * 1024));

    private ScenarioWar() {
    }

    /** The WAR; a server that needs a descriptor of its own adds it to the result. */
    public static WebArchive create() {
        return Deployments.war(NAME).addPackage(LedgerApplication.class.getPackage());
    }
}
