// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Unsigned endpoints that call the partner API through the injected MicroProfile Rest Client. */
@Path("/call")
@Produces("application/json")
public class CallerResource {

    @Inject
    @RestClient
    PartnerClient partner;

    @Inject
    @RestClient
    PartnerClientByConfig partnerByConfig;

    @GET
    @Path("hello")
    public String hello() {
        return relay(partner::hello);
    }

    @GET
    @Path("hello-by-config")
    public String helloByConfig() {
        return relay(partnerByConfig::hello);
    }

    @POST
    @Path("order")
    public String order() {
        return relay(() -> partner.order("{\"item\":\"caf\u00e9\",\"quantity\":2}"));
    }

    private static String relay(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return "{\"partnerStatus\":" + e.getResponse().getStatus() + "}";
        }
    }
}
