// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.Verified;
import dev.signet.provider.SignetFeature;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.internal.body.RequestBodies;
import dev.signet.provider.caller.CallerBinding;
import dev.signet.provider.caller.PeerAddressCapture;
import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import dev.signet.provider.internal.ratelimit.RateLimitHeaders;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adapts one Jakarta REST request to the core {@link dev.signet.core.internal.verification.VerificationPipeline}
 * and writes its answer. Every decision is the pipeline's; this class only reads the request, hands over
 * the body when the pipeline asks for it, and binds the caller or aborts with the refusal.
 * One instance per resource method, created at deployment by {@link dev.signet.provider.SignedRequiredFeature}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SignatureVerificationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger("dev.signet.provider.refusals");

    private final SignetRuntime runtime;
    private final SignedEndpoint endpoint;
    private final boolean keepBodyHash;

    /**
     * @param keepBodyHash whether a body read for the signature is also hashed for a later step (the
     *                     idempotency check of an {@code @Idempotent} method), so it is read only once
     */
    public SignatureVerificationFilter(SignetRuntime runtime, SignedEndpoint endpoint, boolean keepBodyHash) {
        this.runtime = runtime;
        this.endpoint = endpoint;
        this.keepBodyHash = keepBodyHash;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        long started = System.nanoTime();
        URI asReceived = request.getProperty(SignetFeature.ORIGINAL_REQUEST_URI) instanceof URI original ? original
                : request.getUriInfo().getRequestUri();
        String path = asReceived.getRawPath();
        String peer = request.getProperty(PeerAddressCapture.PEER_ADDRESS) instanceof String p ? p : null;
        ReceivedRequest received = new ReceivedRequest(request.getMethod(), path, asReceived.getRawQuery(),
                HeaderSource.ofLists(request.getHeaders()), peer, asReceived.toString());
        Verification outcome = endpoint.pipeline().verify(received, sink -> RequestBodies.read(request, runtime, sink, keepBodyHash),
                endpoint.endpoint());
        String scheme = endpoint.pipeline().scheme().name();
        request.setProperty(RateLimitHeaders.PROPERTY, outcome instanceof Verified v ? v.rateLimits()
                : ((Refusal) outcome).rateLimits());
        if (outcome instanceof Verified verified) {
            CallerBinding.bind(request, runtime.caller(), verified.key(), scheme);
            if (verified.credentials().detail() instanceof dev.signet.core.internal.rfc9421.Rfc9421Scheme.Selected selected) {
                // For the response signature, bound to this request's signature by its label.
                request.setProperty(ResponseSigningFilter.REQUEST_LABEL, selected.signature().label());
            }
            runtime.verifiedEvents().fire(new SignedRequestVerified(verified.key().id(), scheme, request.getMethod(), path,
                    verified.clientAddress().map(InetAddress::getHostAddress).orElse(null),
                    Duration.ofNanos(System.nanoTime() - started)));
            return;
        }
        Refusal refusal = (Refusal) outcome;
        String keyId = keyIdOf(received);
        // Key id and path are caller-supplied: logged as data after the fixed text, never as a format string.
        LOG.log(Level.FINE, "Signet refused {0} {1} under {2}: {3} ({4}), key id {5}, from {6}",
                new Object[] {request.getMethod(), path, scheme, refusal.failure(), refusal.detail(), keyId, peer});
        runtime.refusedEvents().fire(new SignedRequestRefused(keyId, refusal.failure(), scheme, request.getMethod(), path, peer,
                Duration.ofNanos(System.nanoTime() - started)));
        request.abortWith(runtime.responses().respond(endpoint.pipeline().scheme(), refusal,
                endpoint.pipeline().scheme().challengeHeaders(received)));
    }

    /**
     * The key id as sent (or, for a webhook, the key the endpoint names), for the event and the log, only when
     * the credentials are well formed (never raw bytes of an attack).
     */
    private String keyIdOf(ReceivedRequest received) {
        return endpoint.pipeline().scheme().readCredentials(received, endpoint.endpoint().key())
                instanceof dev.signet.core.internal.verification.Credentials c ? c.keyId() : null;
    }
}
