// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Scans the WAR, so the server finds Signet's {@code SignedRequiredFeature} on its own, as a user's app does. */
@ApplicationPath("api")
public class LedgerApplication extends Application {

    /**
     * GlassFish 7 ships MicroProfile JWT (OmniFaces), whose {@code @RolesAllowed} feature is registered through
     * META-INF/services into every application and asks Jakarta Security for a logged-in caller, which a signed
     * request does not have: it answers 401 before Signet's own role check. Jersey's switch turns that lookup
     * off for this application (a plain property: other implementations ignore it). Payara's counterpart is
     * {@code jaxrs-roles-allowed-enabled} in payara-web.xml.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.disableMetainfServicesLookup", true);
    }
}
