// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The MicroProfile Rest Client WAR: a signed partner API and a caller that reaches it through a typed client. */
@ApplicationPath("/api")
public class PartnerApplication extends Application {
}
