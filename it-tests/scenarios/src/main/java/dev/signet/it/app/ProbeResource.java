// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import dev.signet.core.scheme.JsonString;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Open endpoints the scenarios use to look inside the deployment; not signed. */
@RequestScoped
@Path("probe")
@Produces("application/json")
public class ProbeResource {

    @Inject
    AppKeyRepository keys;

    @GET
    @Path("health")
    public String health() {
        return "{\"up\":true}";
    }

    @GET
    @Path("key-repository")
    public String keyRepository() {
        return "{\"bean\":" + JsonString.quote(AppKeyRepository.class.getSimpleName()) + ",\"lookups\":" + keys.lookups() + "}";
    }
}
