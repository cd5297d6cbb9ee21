// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.war;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The whole Signet set-up of this application: nothing. The server scans the WAR, finds Signet's
 * {@code @Provider} and the {@link ApiKeys} bean, and every {@code @SignedRequired} method is verified.
 */
@ApplicationPath("/api")
public class TransfersApplication extends Application {
}
