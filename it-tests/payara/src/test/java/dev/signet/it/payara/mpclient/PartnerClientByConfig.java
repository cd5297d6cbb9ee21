// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The same API with nothing of Signet on the interface: the feature is registered by configuration,
 * {@code partner-by-config/mp-rest/providers=dev.signet.client.microprofile.MicroProfileSigningFeature}.
 */
@RegisterRestClient(configKey = "partner-by-config")
@Path("/partner")
public interface PartnerClientByConfig {

    @GET
    @Path("hello")
    @Produces("application/json")
    String hello();
}
