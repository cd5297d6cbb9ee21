// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Scans the WAR, so the server finds Signet's {@code SignedRequiredFeature} on its own, as a user's app does.
 * No server switch for {@code @RolesAllowed}: a verified key is the server's Jakarta Security caller, whose
 * groups (the key's scopes) map to the roles declared here.
 */
@DeclareRoles({AppKeys.READ, AppKeys.WRITE})
@ApplicationPath("api")
public class LedgerApplication extends Application {
}
