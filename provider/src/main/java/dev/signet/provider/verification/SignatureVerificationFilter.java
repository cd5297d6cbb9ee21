package dev.signet.provider.verification;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.verification.Credentials;
import dev.signet.core.verification.Failure;
import dev.signet.core.verification.ParsedCredentials;
import dev.signet.core.verification.ReceivedRequest;
import dev.signet.core.verification.Refusal;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.body.CapturedBody;
import dev.signet.provider.caller.CallerBinding;
import dev.signet.provider.caller.PeerAddressCapture;
import dev.signet.provider.errors.ErrorStyle;
import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import dev.signet.provider.replay.NonceStoreUnavailableException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies one signed request in the fixed order of the pipeline; the first failing step answers and
 * nothing after it runs. The cheap header checks come before the body is read, and only a request whose
 * signature verified is recorded in the replay cache, so forged floods cost little and store nothing.
 * One instance per resource method, created by {@link SignedRequiredFeature} with that method's policy.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SignatureVerificationFilter implements ContainerRequestFilter {

    /** Request property holding the {@link CapturedBody}, closed by {@link CapturedBodyCleanup}. */
    public static final String CAPTURED_BODY = "dev.signet.capturedBody";

    private static final Logger LOG = Logger.getLogger("dev.signet.provider.refusals");

    private final EndpointPolicy policy;
    private volatile SignetRuntime runtime;

    public SignatureVerificationFilter(EndpointPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        SignetRuntime rt = runtime();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Optional<SignatureVerifier> found = rt.schemes().verifier(policy.scheme());
        if (found.isEmpty()) {
            // A typo in @SignedRequired(scheme): refuse loudly rather than serve unprotected.
            LOG.severe(() -> "Signet: unknown scheme '" + policy.scheme() + "' on " + path);
            request.abortWith(Response.status(500).type("application/json")
                    .entity("{\"detail\":\"server misconfiguration\"}").build());
            return;
        }
        SignatureVerifier verifier = found.get();
        String scheme = verifier.scheme().name();
        ReceivedRequest received = new ReceivedRequest(request.getMethod(), path, name -> headerValues(request, name));

        ParsedCredentials parsed = verifier.readCredentials(received);
        if (parsed instanceof Refusal refusal) {
            refuse(request, rt, scheme, null, refusal, null, 0);
            return;
        }
        Credentials credentials = (Credentials) parsed;
        try {
            verify(request, rt, verifier, received, credentials);
        } catch (NonceStoreUnavailableException e) {
            LOG.log(Level.WARNING, "Signet: replay cache unavailable, request refused", e);
            refuse(request, rt, scheme, credentials.keyId(),
                    Refusal.of(Failure.REPLAY_STORE_UNAVAILABLE, "Replay protection is unavailable"), null, 0);
        }
    }

    private void verify(ContainerRequestContext request, SignetRuntime rt, SignatureVerifier verifier,
            ReceivedRequest received, Credentials credentials) throws IOException {
        String scheme = verifier.scheme().name();
        String keyId = credentials.keyId();

        Optional<ApiKey> lookedUp;
        try {
            lookedUp = rt.keys().find(keyId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signet: key repository failed", e);
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.KEY_REPOSITORY_UNAVAILABLE, "Keys are unavailable"), null, 0);
            return;
        }
        if (lookedUp.isEmpty()) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.UNKNOWN_KEY, "Unknown API key"), null, 0);
            return;
        }
        ApiKey key = lookedUp.get();
        Optional<Refusal> refusal = verifier.checkKeyStatus(key)
                .or(() -> checkTenant(request, rt, key))
                .or(() -> verifier.checkWindow(credentials));
        if (refusal.isPresent()) {
            refuse(request, rt, scheme, keyId, refusal.get(), null, 0);
            return;
        }
        Optional<String> replayKey = verifier.replayKey(credentials);
        if (replayKey.isPresent() && rt.nonces().contains(replayKey.get())) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.REPLAYED, "Request already accepted"), null, 0);
            return;
        }

        Optional<CapturedBody> body = readBody(request, rt);
        if (body.isEmpty()) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.BODY_TOO_LARGE,
                    "Body larger than " + rt.bodyReader().maxBytes() + " bytes"), null, 0);
            return;
        }
        Optional<Refusal> mismatch = verifier.checkSignature(credentials, received, body.get().hash(), key);
        if (mismatch.isPresent()) {
            String diagnostics = rt.settings().diagnostics()
                    ? verifier.signedStringRedacted(credentials, received, body.get().hash()) : null;
            refuse(request, rt, scheme, keyId, mismatch.get(), diagnostics, 0);
            return;
        }

        // Verified: record it now, atomically; losing the race to an identical request makes this one the replay.
        // A timestamp may be a whole window ahead or behind, so a copy stays acceptable for two windows.
        Duration lifespan = verifier.scheme().window().multipliedBy(2).plus(rt.settings().clockSkew());
        if (replayKey.isPresent() && !rt.nonces().putIfAbsent(replayKey.get(), lifespan)) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.REPLAYED, "Request already accepted"), null, 0);
            return;
        }

        Optional<InetAddress> client = clientAddress(request, rt);
        if (!key.allowedIps().isEmpty() && (client.isEmpty() || !key.allowsAddress(client.get()))) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.IP_NOT_ALLOWED, "Client address not allowed"), null, 0);
            return;
        }
        if (policy.scopes().isEmpty() && ErrorStyle.forScheme(scheme) == ErrorStyle.ENVELOPE) {
            // Seed 004: an endpoint that declares no scope is not reachable through the API chain.
            refused(rt, scheme, keyId, Failure.SCOPE_MISSING, request, "deny-by-default");
            request.abortWith(rt.responses().accessDenied());
            return;
        }
        if (!key.hasScopes(policy.scopes())) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.SCOPE_MISSING, "Missing scope"), null, 0);
            return;
        }
        long retryAfter = rt.rateLimiter().acquire(keyId, key.rateLimitPerMinute());
        if (retryAfter > 0) {
            refuse(request, rt, scheme, keyId, Refusal.of(Failure.RATE_LIMITED, "Rate limit exceeded"), null, retryAfter);
            return;
        }

        CallerBinding.bind(request, rt.caller(), key, scheme);
        rt.verifiedEvents().fire(new SignedRequestVerified(keyId, scheme, request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), client.map(InetAddress::getHostAddress).orElse(null)));
    }

    private Optional<CapturedBody> readBody(ContainerRequestContext request, SignetRuntime rt) throws IOException {
        long declared = request.getLength(); // -1 when not declared
        if (declared > rt.bodyReader().maxBytes()) {
            return Optional.empty(); // refuse before reading a byte
        }
        Optional<CapturedBody> body = rt.bodyReader().read(request.getEntityStream(), declared);
        body.ifPresent(b -> {
            request.setProperty(CAPTURED_BODY, b);
            try {
                request.setEntityStream(b.replay());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return body;
    }

    private Optional<Refusal> checkTenant(ContainerRequestContext request, SignetRuntime rt, ApiKey key) {
        return rt.settings().tenantHeader().map(request::getHeaderString).filter(t -> !t.isBlank()).flatMap(asked -> {
            if (key.tenant() == null) {
                return Optional.of(Refusal.of(Failure.TENANT_NOT_FOUND, "Tenant not found"));
            }
            return key.tenant().equals(asked.trim()) ? Optional.empty()
                    : Optional.of(Refusal.of(Failure.TENANT_MISMATCH, "Key does not belong to this tenant"));
        });
    }

    private Optional<InetAddress> clientAddress(ContainerRequestContext request, SignetRuntime rt) {
        return rt.addresses().resolve(peer(request), headerValues(request, "Forwarded"), headerValues(request, "X-Forwarded-For"));
    }

    private void refuse(ContainerRequestContext request, SignetRuntime rt, String scheme, String keyId,
            Refusal refusal, String diagnostics, long retryAfter) {
        refused(rt, scheme, keyId, refusal.failure(), request, refusal.detail());
        request.abortWith(rt.responses().respond(scheme, refusal, diagnostics, retryAfter));
    }

    private void refused(SignetRuntime rt, String scheme, String keyId, Failure failure,
            ContainerRequestContext request, String detail) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String remote = peer(request);
        // Key id and path are caller-supplied: logged as data after the fixed text, never as a format string.
        LOG.log(Level.FINE, "Signet refused {0} {1} under {2}: {3} ({4}), key id {5}, from {6}",
                new Object[] {request.getMethod(), path, scheme, failure, detail, keyId, remote});
        rt.refusedEvents().fire(new SignedRequestRefused(keyId, failure, scheme, request.getMethod(), path, remote));
    }

    private static String peer(ContainerRequestContext request) {
        return request.getProperty(PeerAddressCapture.PEER_ADDRESS) instanceof String peer ? peer : null;
    }

    private static List<String> headerValues(ContainerRequestContext request, String name) {
        MultivaluedMap<String, String> headers = request.getHeaders();
        List<String> values = headers.get(name);
        if (values != null) {
            return values;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    private SignetRuntime runtime() {
        SignetRuntime rt = runtime;
        if (rt == null) {
            // Looked up, not injected: this filter is created per method by a DynamicFeature, outside CDI.
            rt = CDI.current().select(SignetRuntime.class).get();
            runtime = rt;
        }
        return rt;
    }
}
