// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.internal.body.RequestBodies;
import dev.signet.provider.internal.store.SharedEntries;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The idempotency check of an {@link dev.signet.provider.Idempotent} method, after the signature, scope
 * and roles checks (a refused request never touches the store): the first request with an
 * {@code Idempotency-Key} records itself as in flight (put-if-absent, so of two racing copies exactly
 * one runs) and goes on to the resource; {@link IdempotencyCapture} then stores its response. A repeat
 * is answered from the store: the first response, 409 while the first is running, 422 when the key came
 * with another request. When the store cannot answer, 503: the method never runs unprotected.
 */
@Priority(Priorities.USER)
public final class IdempotencyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    /** The request property holding the {@link Pending} record of a first request. */
    static final String PENDING = "dev.signet.idempotency.pending";

    /** A first request's in-flight record, for {@link IdempotencyCapture} to complete. */
    record Pending(SharedEntries store, SharedEntries.Entry inFlight, String fingerprint, java.util.concurrent.atomic.AtomicInteger status) {
    }

    private final SignetRuntime runtime;
    private final SignatureScheme scheme;
    private final boolean required;

    public IdempotencyFilter(SignetRuntime runtime, SignatureScheme scheme, boolean required) {
        this.runtime = runtime;
        this.scheme = scheme;
        this.required = required;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!runtime.caller().isVerified()) {
            return; // not reached: the signature check runs first and aborts unverified requests
        }
        IdempotencyKeyHeader.Parsed parsed = IdempotencyKeyHeader.parse(request.getHeaders().get(IdempotencyKeyHeader.NAME));
        if (parsed instanceof IdempotencyKeyHeader.Missing) {
            if (required) {
                request.abortWith(runtime.responses().idempotency(scheme, IdempotencyError.MISSING));
            }
            return;
        }
        if (parsed instanceof IdempotencyKeyHeader.Malformed) {
            request.abortWith(runtime.responses().idempotency(scheme, IdempotencyError.MALFORMED));
            return;
        }
        Optional<BodyHash> body = RequestBodies.hash(request, runtime);
        if (body.isEmpty()) {
            request.abortWith(runtime.responses().respond(scheme, Refusal.of(Failure.BODY_TOO_LARGE, "Body larger than the server accepts")));
            return;
        }
        String idempotencyKey = ((IdempotencyKeyHeader.Key) parsed).value();
        String storeKey = runtime.caller().keyId() + '\n' + sha256(idempotencyKey);
        java.net.URI asReceived = request.getProperty(dev.signet.provider.SignetFeature.ORIGINAL_REQUEST_URI)
                instanceof java.net.URI original ? original : request.getUriInfo().getRequestUri();
        String fingerprint = sha256(request.getMethod() + '\n' + asReceived.getRawPath() + '\n'
                + asReceived.getRawQuery() + '\n' + body.get().hex());
        try {
            request.abortWith(firstOrRepeat(request, storeKey, fingerprint));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signet: the idempotency store failed; request refused", e);
            request.abortWith(runtime.responses().idempotency(scheme, IdempotencyError.UNAVAILABLE));
        }
    }

    /** {@code null} for a first request (it goes on to the resource), else the answer to a repeat. */
    private Response firstOrRepeat(ContainerRequestContext request, String storeKey, String fingerprint) {
        SharedEntries store = runtime.stores().idempotency();
        for (int attempt = 0; attempt < 3; attempt++) {
            IdempotencyRecord.InFlight mine = new IdempotencyRecord.InFlight(fingerprint, UUID.randomUUID().toString(),
                    runtime.clock().millis());
            SharedEntries.Entry created = store.create(storeKey, mine.encode(), runtime.settings().idempotencyInFlight());
            if (created != null) {
                runtime.idempotencyGuard().track(store, created);
                request.setProperty(PENDING, new Pending(store, created, fingerprint, new java.util.concurrent.atomic.AtomicInteger()));
                return null;
            }
            SharedEntries.Entry existing = store.read(storeKey);
            if (existing == null) {
                continue; // expired between the two calls: try to be first again
            }
            IdempotencyRecord first = IdempotencyRecord.decode(existing.value());
            if (!first.fingerprint().equals(fingerprint)) {
                return runtime.responses().idempotency(scheme, IdempotencyError.REUSED);
            }
            if (first instanceof IdempotencyRecord.InFlight) {
                return runtime.responses().idempotency(scheme, IdempotencyError.IN_FLIGHT);
            }
            if (first instanceof IdempotencyRecord.NotKept) {
                return runtime.responses().idempotency(scheme, IdempotencyError.NOT_KEPT);
            }
            return replay((IdempotencyRecord.Completed) first);
        }
        throw new IllegalStateException("idempotency record kept expiring while read");
    }

    /** The first response again: status, the application's headers in their order, the body's bytes. */
    private static Response replay(IdempotencyRecord.Completed first) {
        Response.ResponseBuilder response = Response.status(first.status());
        for (Map.Entry<String, String> header : first.headers()) {
            response.header(header.getKey(), header.getValue());
        }
        response.header(IdempotencyCapture.REPLAYED, "true");
        return response.entity(first.body().length == 0 ? null : first.body()).build();
    }

    static String sha256(String text) {
        return BodyHash.of(text.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
