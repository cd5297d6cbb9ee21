// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.Idempotent;
import dev.signet.provider.SignedRequired;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idempotent resources that count their runs: each answer carries a {@code "served"} value unique to one
 * run of the method, so a replayed answer shows which run it came from.
 */
@Path("/orders")
@Produces("application/json")
public class OrderResource {

    /** Runs of every method here, in this JVM. */
    public static final AtomicInteger RUNS = new AtomicInteger();
    /** When set, a run waits for it: the test decides when the first request completes. */
    public static volatile CountDownLatch gate;

    @POST
    @Path("create")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent
    public Response create(String body) throws InterruptedException {
        int run = RUNS.incrementAndGet();
        CountDownLatch waitFor = gate;
        if (waitFor != null && !waitFor.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
        return Response.status(201).header("Location", "/orders/" + run).header("X-Order", "o-" + run)
                .header("X-Multi", "one").header("X-Multi", "two")
                .entity("{\"served\":\"" + run + "-" + UUID.randomUUID() + "\",\"received\":" + body + "}").build();
    }

    @POST
    @Path("problem")
    @SignedRequired(scheme = "canonical", scopes = "items:write")
    @Idempotent
    public String problemScheme(String body) {
        return "{\"served\":" + RUNS.incrementAndGet() + "}";
    }

    @POST
    @Path("detail")
    @SignedRequired(scheme = "timestamp-secret", scopes = "items:write")
    @Idempotent
    public String detailScheme(String body) {
        return "{\"served\":" + RUNS.incrementAndGet() + "}";
    }

    @POST
    @Path("optional")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent(required = false)
    public String optional(String body) {
        return "{\"served\":" + RUNS.incrementAndGet() + "}";
    }

    @POST
    @Path("large")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent
    public String large(String body) {
        return "{\"served\":" + RUNS.incrementAndGet() + ",\"padding\":\"" + "x".repeat(100_000) + "\"}";
    }

    @POST
    @Path("empty")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent
    public Response empty(String body) {
        return Response.noContent().header("X-Served", RUNS.incrementAndGet()).build();
    }

    @POST
    @Path("unavailable")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent
    public Response unavailable(String body) {
        return Response.status(503).entity("{\"served\":" + RUNS.incrementAndGet() + ",\"retry\":true}").build();
    }

    @POST
    @Path("fails")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    @Idempotent
    public String fails(String body) {
        RUNS.incrementAndGet();
        throw new IllegalStateException("the resource failed (a test)");
    }
}
