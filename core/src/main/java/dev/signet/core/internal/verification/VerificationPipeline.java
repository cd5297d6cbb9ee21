// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.internal.verification.SignatureScheme.SignatureCheck;
import dev.signet.core.internal.verification.Ports.ClientAddress;
import dev.signet.core.internal.verification.Ports.KeyLookup;
import dev.signet.core.internal.verification.Ports.RateBudget;
import dev.signet.core.internal.verification.Ports.ReplayStore;
import dev.signet.core.internal.verification.Ports.TenantBinding;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verification pipeline of DESIGN.md, written once: the server filter and {@code signet explain} both
 * run this class. Steps run in {@link #ORDER}; the first that refuses answers and nothing after it runs.
 * The cheap header steps come before the body is read, and only a request whose signature verified is
 * recorded, so forged floods cost little and store nothing. Immutable and thread-safe: one per scheme.
 *
 * <p>A server pipeline has every port. An offline pipeline ({@link #offline}) has only keys and a clock:
 * the steps that need server state (tenant, replay, address, rate) are reported as not checked.
 */
public final class VerificationPipeline {

    private static final System.Logger LOG = System.getLogger(VerificationPipeline.class.getName());

    /** What one step does with one request: nothing (passes), or the refusal that answers it. */
    @FunctionalInterface
    private interface StepMethod {
        Refusal run(VerificationPipeline pipeline, Walk walk) throws IOException;
    }

    private static final List<StepMethod> ORDER = List.of(
            VerificationPipeline::step1Credentials,
            VerificationPipeline::step2KeyLookup,
            VerificationPipeline::step3KeyStatus,
            VerificationPipeline::step4Tenant,
            VerificationPipeline::step5Window,
            VerificationPipeline::step6Replay,
            VerificationPipeline::step7Signature,
            VerificationPipeline::step8RecordReplay,
            VerificationPipeline::step9Allowlist,
            VerificationPipeline::step10Scope,
            VerificationPipeline::step11RateLimit);

    private final SignatureScheme scheme;
    private final Clock clock;
    private final KeyLookup keys;
    private final ReplayStore replay;
    private final RateBudget rate;
    private final ClientAddress addresses;
    private final TenantBinding tenants;
    private final Duration clockSkew;
    private final Duration ahead;
    private final Duration replayLifespan;
    private final int defaultRatePerMinute;
    private final boolean diagnostics;

    private VerificationPipeline(Builder b) {
        this.scheme = Objects.requireNonNull(b.scheme, "scheme");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.keys = Objects.requireNonNull(b.keys, "keys");
        this.replay = b.replay;
        this.rate = b.rate;
        this.addresses = b.addresses;
        this.tenants = b.tenants;
        this.clockSkew = b.clockSkew;
        this.ahead = scheme.windowBothWays() ? scheme.window() : clockSkew;
        // A timestamp may be a whole window ahead or behind, so a copy stays acceptable for two windows.
        this.replayLifespan = scheme.window().multipliedBy(2).plus(clockSkew);
        this.defaultRatePerMinute = b.defaultRatePerMinute;
        this.diagnostics = b.diagnostics;
    }

    /** A server's pipeline: every port is required, so no step can be left out by omission. */
    public static Builder forServer(SignatureScheme scheme, Clock clock, KeyLookup keys, ReplayStore replay, RateBudget rate,
            ClientAddress addresses, TenantBinding tenants) {
        Builder b = new Builder(scheme, clock, keys);
        b.replay = Objects.requireNonNull(replay, "replay");
        b.rate = Objects.requireNonNull(rate, "rate");
        b.addresses = Objects.requireNonNull(addresses, "addresses");
        b.tenants = Objects.requireNonNull(tenants, "tenants");
        return b;
    }

    /** A pipeline without server state, for tools: steps 4, 6, 8, 9, 10 and 11 are reported as not checked. */
    public static VerificationPipeline offline(SignatureScheme scheme, Clock clock, KeyLookup keys) {
        return new Builder(scheme, clock, keys).build();
    }

    public SignatureScheme scheme() {
        return scheme;
    }

    /** Runs the pipeline for a request to {@code endpoint}. */
    public Verification verify(ReceivedRequest request, BodySource body, Endpoint endpoint) throws IOException {
        return verify(request, body, endpoint, Trace.NONE);
    }

    /** For a body already hashed (tools, tests, benchmarks): nothing left to read, so nothing to fail. */
    public Verification verify(ReceivedRequest request, BodyHash bodyHash, Set<String> scopes, Trace trace) {
        try {
            return verify(request, BodySource.ofHash(bodyHash), Endpoint.scoped(scopes), trace);
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /** As {@link #verify(ReceivedRequest, BodySource, Endpoint)}, telling {@code trace} what each step decided. */
    public Verification verify(ReceivedRequest request, BodySource body, Endpoint endpoint, Trace trace)
            throws IOException {
        Walk walk = new Walk(request, body, endpoint, trace);
        for (StepMethod step : ORDER) {
            Refusal refusal = step.run(this, walk);
            if (refusal != null) {
                trace.step(refusal.failure().step(), Trace.Outcome.FAILED, refusal.detail());
                return walk.rateLimits.isEmpty() ? refusal : refusal.withRateLimits(walk.rateLimits);
            }
        }
        return new Verified(walk.credentials, walk.key, scheme, walk.clientAddress, walk.rateLimits);
    }

    /** Reads credentials only (step 1), for tools that show what a request carries. */
    public ParsedCredentials readCredentials(ReceivedRequest request) {
        return scheme.readCredentials(request, Optional.empty());
    }

    // ---- the steps, in order ----

    private Refusal step1Credentials(Walk w) {
        ParsedCredentials parsed = scheme.readCredentials(w.request, w.endpoint.key());
        if (parsed instanceof Refusal refusal) {
            return refusal;
        }
        w.credentials = (Credentials) parsed;
        w.passed(Step.CREDENTIALS, () -> "key id " + w.credentials.keyId()
                + (w.credentials.timestampText() == null ? ", no timestamp" : ", timestamp " + w.credentials.timestampText())
                + (w.credentials.nonce() == null ? "" : ", nonce " + w.credentials.nonce()));
        return null;
    }

    private Refusal step2KeyLookup(Walk w) {
        Optional<ApiKey> found;
        try {
            found = keys.find(w.credentials.keyId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signet: the key repository failed; request refused", e);
            return Refusal.of(Failure.KEY_REPOSITORY_UNAVAILABLE, "Keys are unavailable");
        }
        if (found.isEmpty()) {
            return Refusal.of(Failure.UNKNOWN_KEY, "Unknown API key");
        }
        w.key = found.get();
        w.passed(Step.KEY_LOOKUP, () -> w.key.id() + " found");
        return null;
    }

    private Refusal step3KeyStatus(Walk w) {
        if (w.key.status() == KeyStatus.DISABLED) {
            return Refusal.of(Failure.KEY_DISABLED, "API key disabled");
        }
        if (w.key.status() == KeyStatus.REVOKED) {
            return Refusal.of(Failure.KEY_REVOKED, "API key revoked");
        }
        if (w.key.isExpiredAt(clock.instant())) {
            return Refusal.of(Failure.KEY_EXPIRED, "API key expired");
        }
        w.passed(Step.KEY_STATUS, () -> w.key.status().name().toLowerCase(Locale.ROOT)
                + (w.key.expiresAt() == null ? "" : ", expires " + w.key.expiresAt()));
        return null;
    }

    private Refusal step4Tenant(Walk w) {
        if (tenants == null) {
            w.notChecked(Step.TENANT, () -> "decided by the server's signet.tenant-header setting; key tenant: "
                    + (w.key.tenant() == null ? "none" : w.key.tenant()));
            return null;
        }
        Optional<Refusal> refusal = tenants.check(w.request, w.key);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        w.passed(Step.TENANT, () -> w.key.tenant() == null ? "no tenant binding" : "tenant " + w.key.tenant());
        return null;
    }

    private Refusal step5Window(Walk w) {
        if (scheme.untimed()) {
            w.passed(Step.WINDOW, () -> "no timestamp under this scheme: replays are refused by " + scheme.replayUnit());
            return null;
        }
        Duration drift = Duration.between(w.credentials.timestamp(), clock.instant()); // negative: from the future
        // drift + ahead < 0 says "more than ahead in the future" without Duration.negated(), which goes through
        // BigDecimal (a sixth of the bytes a verification allocated, benchmarks/README.md section 1b).
        if (drift.compareTo(scheme.window()) > 0 || drift.plus(ahead).isNegative()) {
            return new Refusal(Failure.TIMESTAMP_OUT_OF_WINDOW, "Timestamp out of range", 0, Optional.empty());
        }
        if (scheme.expired(w.credentials, clock.instant())) {
            return new Refusal(Failure.TIMESTAMP_OUT_OF_WINDOW, "Signature expired", 0, Optional.empty());
        }
        w.passed(Step.WINDOW, () -> describeDrift(drift));
        return null;
    }

    private Refusal step6Replay(Walk w) {
        if (scheme.replayUniqueFromSignature()) {
            if (replay == null) {
                w.notChecked(Step.REPLAY, () -> "needs the server's replay cache; it accepts each " + scheme.replayUnit() + " once");
            } else {
                w.passed(Step.REPLAY, () -> "known once the signature verified: recorded then, or refused as a replay");
            }
            return null; // the unit comes with step 7's match, and step 8 records it
        }
        w.replayKey = replayKey(w.key, w.credentials);
        if (w.replayKey == null) {
            w.passed(Step.REPLAY, () -> "none under this scheme: its signature is meant to be reused for the whole window");
            return null;
        }
        if (replay == null) {
            w.notChecked(Step.REPLAY, () -> "needs the server's replay cache; it accepts each " + scheme.replayUnit() + " once");
            return null;
        }
        try {
            if (replay.contains(w.replayKey)) {
                return Refusal.of(Failure.REPLAYED, "Request already accepted");
            }
        } catch (RuntimeException e) {
            return replayUnavailable(e);
        }
        w.passed(Step.REPLAY, () -> "not seen before");
        return null;
    }

    private Refusal step7Signature(Walk w) throws IOException {
        SignatureCheck check = scheme.checkSignature(w.credentials, w.request, w.body, w.key, clock.instant());
        switch (check.outcome()) {
            case BODY_TOO_LARGE -> {
                return Refusal.of(Failure.BODY_TOO_LARGE, "Body larger than the server accepts");
            }
            case MISMATCH -> {
                Refusal mismatch = Refusal.of(Failure.SIGNATURE_MISMATCH, check.detail().orElse("Signature mismatch"));
                return diagnostics && check.signedStringRedacted().isPresent()
                        ? mismatch.withSignedString(check.signedStringRedacted().get()) : mismatch;
            }
            default -> {
                if (scheme.replayUniqueFromSignature()) {
                    w.replayKey = replayKey(w.key, check.replayUnique().orElseThrow(() -> new IllegalStateException(
                            "scheme " + scheme.name() + " matched without the replay unit it promised")));
                }
                w.passed(Step.SIGNATURE, () -> "matches");
                return null;
            }
        }
    }

    private Refusal step8RecordReplay(Walk w) {
        if (w.replayKey != null && replay != null) {
            try {
                if (!replay.putIfAbsent(w.replayKey, replayLifespan)) {
                    return Refusal.of(Failure.REPLAYED, "Request already accepted"); // lost the race to a twin
                }
            } catch (RuntimeException e) {
                return replayUnavailable(e);
            }
            w.passed(Step.REPLAY_RECORD, () -> "recorded as accepted");
        } else if (w.replayKey != null) {
            w.notChecked(Step.REPLAY_RECORD, () -> "the server records the request as accepted");
        }
        // Every request whose signature verified counts against its key, also if a later step refuses it.
        // One budget per key whatever the scheme; an endpoint's own budget is counted besides, per key.
        if (rate == null) {
            return null;
        }
        int perMinute = keyRatePerMinute(w.key);
        try {
            if (perMinute > 0) {
                take(w, RateLimitStatus.KEY, "key\n" + w.key.id(), perMinute);
            }
            int endpointRate = w.endpoint.ratePerMinute();
            if (endpointRate > 0 && w.retryAfter == 0) {
                take(w, RateLimitStatus.ENDPOINT, "endpoint\n" + w.endpoint.name() + '\n' + w.key.id(), endpointRate);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signet: the rate budget store failed; request refused", e);
            return Refusal.of(Failure.RATE_LIMIT_UNAVAILABLE, "Rate limiting is unavailable");
        }
        return null;
    }

    private void take(Walk w, String policy, String bucket, int perMinute) {
        Ports.Allowance allowance = rate.take(bucket, perMinute);
        w.rateLimits.add(new RateLimitStatus(policy, perMinute, 60, allowance.remaining(), allowance.resetSeconds()));
        w.retryAfter = Math.max(w.retryAfter, allowance.retryAfterSeconds());
    }

    private int keyRatePerMinute(ApiKey key) {
        return key.rateLimitPerMinute() > 0 ? key.rateLimitPerMinute() : defaultRatePerMinute;
    }

    private Refusal step9Allowlist(Walk w) {
        if (addresses == null) {
            w.notChecked(Step.IP_ALLOWLIST, () -> w.key.allowedIps().isEmpty() ? "key allows any address"
                    : "key allows " + w.key.allowedIps() + "; the server checks the caller's address");
            return null;
        }
        w.clientAddress = addresses.of(w.request);
        if (!w.key.allowedIps().isEmpty() && (w.clientAddress.isEmpty() || !w.key.allowsAddress(w.clientAddress.get()))) {
            return Refusal.of(Failure.IP_NOT_ALLOWED, "Client address not allowed");
        }
        w.passed(Step.IP_ALLOWLIST, () -> w.key.allowedIps().isEmpty() ? "key allows any address"
                : w.clientAddress.map(InetAddress::getHostAddress).orElse("?") + " allowed");
        return null;
    }

    private Refusal step10Scope(Walk w) {
        if (replay == null) { // offline: the endpoint, and so its scopes, is the server's to know
            w.notChecked(Step.SCOPE, () -> "key holds " + (w.key.scopes().isEmpty() ? "no scope"
                    : String.join(" ", new TreeSet<>(w.key.scopes()))) + "; the endpoint's @SignedRequired(scopes) decides");
            return null;
        }
        if (w.endpoint.scopes().isEmpty() && scheme.requiresEndpointScope()) {
            return Refusal.of(Failure.ENDPOINT_NOT_OPEN, "Endpoint declares no scope");
        }
        if (!w.key.hasScopes(w.endpoint.scopes())) {
            return Refusal.of(Failure.SCOPE_MISSING, "Missing scope");
        }
        w.passed(Step.SCOPE, () -> "key holds " + (w.key.scopes().isEmpty() ? "no scope"
                : String.join(" ", new TreeSet<>(w.key.scopes()))) + "; endpoint requires "
                + (w.endpoint.scopes().isEmpty() ? "none" : String.join(" ", new TreeSet<>(w.endpoint.scopes()))));
        return null;
    }

    private Refusal step11RateLimit(Walk w) {
        if (rate == null) {
            w.notChecked(Step.RATE_LIMIT, () -> w.key.rateLimitPerMinute() == 0 ? "key has no limit of its own"
                    : "key may make " + w.key.rateLimitPerMinute() + " requests a minute");
            return null;
        }
        if (w.retryAfter > 0) {
            return Refusal.of(Failure.RATE_LIMITED, "Rate limit exceeded").retryAfter(w.retryAfter);
        }
        w.passed(Step.RATE_LIMIT, () -> w.rateLimits.isEmpty() ? "no limit applies" : "within budget: "
                + w.rateLimits.stream().map(r -> r.policy() + " " + r.remaining() + " of " + r.quota() + " left")
                        .collect(java.util.stream.Collectors.joining(", ")));
        return null;
    }

    // ---- helpers ----

    /** What makes a request unique ({@link ReplayCacheKey}); {@code null} when the scheme has no replay protection. */
    private String replayKey(ApiKey key, Credentials c) {
        Optional<String> unique = scheme.replayUnique(c);
        return unique.isEmpty() ? null : replayKey(key, unique.get());
    }

    private String replayKey(ApiKey key, String unique) {
        return ReplayCacheKey.of(scheme.name(), key.id(), unique);
    }

    private Refusal replayUnavailable(RuntimeException e) {
        LOG.log(Level.WARNING, "Signet: the replay cache failed; request refused", e);
        return Refusal.of(Failure.REPLAY_STORE_UNAVAILABLE, "Replay protection is unavailable");
    }

    private String describeDrift(Duration drift) {
        long seconds = Math.abs(drift.toSeconds());
        return seconds + (drift.isNegative() ? " s in the future" : " s old") + "; the window is "
                + scheme.window().toSeconds() + " s back and " + ahead.toSeconds()
                + " s ahead";
    }

    /** One request's way through the steps: what the earlier steps found, for the later ones. */
    private static final class Walk {
        final ReceivedRequest request;
        final BodySource body;
        final Endpoint endpoint;
        final Trace trace;
        Credentials credentials;
        ApiKey key;
        String replayKey;
        long retryAfter;
        final List<RateLimitStatus> rateLimits = new java.util.ArrayList<>(2);
        Optional<InetAddress> clientAddress = Optional.empty();

        Walk(ReceivedRequest request, BodySource body, Endpoint endpoint, Trace trace) {
            this.request = request;
            this.body = body;
            this.endpoint = endpoint;
            this.trace = trace;
        }

        void passed(Step step, java.util.function.Supplier<String> detail) {
            if (trace != Trace.NONE) {
                trace.step(step, Trace.Outcome.PASSED, detail.get());
            }
        }

        void notChecked(Step step, java.util.function.Supplier<String> detail) {
            if (trace != Trace.NONE) {
                trace.step(step, Trace.Outcome.NOT_CHECKED, detail.get());
            }
        }
    }

    /** Options of a pipeline; ports are given to {@link #forServer}. */
    public static final class Builder {
        private final SignatureScheme scheme;
        private final Clock clock;
        private final KeyLookup keys;
        private ReplayStore replay;
        private RateBudget rate;
        private ClientAddress addresses;
        private TenantBinding tenants;
        private Duration clockSkew = Duration.ofSeconds(5);
        private int defaultRatePerMinute;
        private boolean diagnostics;

        private Builder(SignatureScheme scheme, Clock clock, KeyLookup keys) {
            this.scheme = scheme;
            this.clock = clock;
            this.keys = keys;
        }

        /**
         * How far ahead of this server's clock a timestamp may be (for schemes whose document bounds the
         * window one way only), and the margin added to twice the window for how long a replay key is kept.
         * Default 5 s, as the server setting.
         */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** The budget of keys that name no rate of their own; 0 for none. */
        public Builder defaultRatePerMinute(int perMinute) {
            if (perMinute < 0) {
                throw new IllegalArgumentException("defaultRatePerMinute must be >= 0");
            }
            this.defaultRatePerMinute = perMinute;
            return this;
        }

        /** Whether a signature mismatch answers with the server's signed string (secret redacted). */
        public Builder diagnostics(boolean on) {
            this.diagnostics = on;
            return this;
        }

        public VerificationPipeline build() {
            return new VerificationPipeline(this);
        }
    }
}
