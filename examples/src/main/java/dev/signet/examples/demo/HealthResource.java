// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** An open endpoint next to the signed ones: no annotation, so Signet never looks at it. */
@Path("/health")
public class HealthResource {

    @GET
    @Produces("application/json")
    public String health() {
        return "{\"status\":\"UP\"}";
    }
}
