// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import dev.signet.client.microprofile.MicroProfileSigningFeature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The typed client of the partner API: signed by the feature, configured by MicroProfile Config. */
@RegisterRestClient(configKey = "partner")
@RegisterProvider(MicroProfileSigningFeature.class)
@Path("/partner")
public interface PartnerClient {

    @GET
    @Path("hello")
    @Produces("application/json")
    String hello();

    @POST
    @Path("orders")
    @Consumes("application/json")
    @Produces("application/json")
    String order(String json);
}
