// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish.keysdb;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A WAR whose keys are in PostgreSQL, reached through a DataSource that GlassFish creates and pools. */
@ApplicationPath("/api")
public class KeysDbApplication extends Application {
}
