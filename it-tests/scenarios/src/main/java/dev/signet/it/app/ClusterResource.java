// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.Idempotent;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * What the cluster tests need beyond the echoes: an {@code @Idempotent} POST whose answer names the execution
 * that made it ({@code served}, a new UUID each run), and an open barrier that answers only once
 * {@code parties} requests are inside the server at the same time, to show that the HTTP thread pool really
 * holds that many.
 */
@RequestScoped
@Path("cluster")
@Produces("application/json")
public class ClusterResource {

    private static final Map<String, CyclicBarrier> BARRIERS = new ConcurrentHashMap<>();

    @Inject
    VerifiedCaller caller;

    @POST
    @Path("orders")
    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.WRITE)
    @Idempotent
    public Response order(InputStream body) throws IOException {
        String json = "{\"keyId\":" + JsonString.quote(caller.keyId())
            + ",\"body\":" + JsonString.quote(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            + ",\"served\":" + JsonString.quote(UUID.randomUUID().toString()) + "}";
        return Response.status(201).entity(json).build();
    }

    /** 200 once {@code parties} (2 to 256) requests with this name wait here together; 504 after 30 s without. */
    @GET
    @Path("barrier/{name}/{parties}")
    public Response barrier(@PathParam("name") String name, @PathParam("parties") int parties) throws InterruptedException {
        if (parties < 2 || parties > 256 || name.length() > 64) {
            return Response.status(400).entity("{\"error\":\"parties 2 to 256, a name up to 64 characters\"}").build();
        }
        CyclicBarrier barrier = BARRIERS.computeIfAbsent(name + "/" + parties, key -> new CyclicBarrier(parties));
        try {
            barrier.await(30, TimeUnit.SECONDS);
            return Response.ok("{\"met\":" + parties + "}").build();
        } catch (TimeoutException | BrokenBarrierException e) {
            return Response.status(504).entity("{\"met\":false,\"waiting\":" + barrier.getNumberWaiting() + "}").build();
        }
    }
}
