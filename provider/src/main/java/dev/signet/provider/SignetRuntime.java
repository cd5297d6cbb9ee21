// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import dev.signet.core.internal.address.ForwardedAddresses;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.provider.internal.body.BodyReader;
import dev.signet.provider.internal.body.SpooledBodies;
import dev.signet.provider.caller.VerifiedCaller;
import dev.signet.provider.internal.errors.RefusalResponses;
import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import dev.signet.provider.internal.idempotency.IdempotencyGuard;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.keys.jdbc.JdbcKeys;
import dev.signet.provider.internal.ratelimit.SharedRateBudget;
import dev.signet.provider.replay.NonceStore;
import dev.signet.provider.security.JakartaSecurityExtension;
import dev.signet.provider.settings.JdbcKeySettings;
import dev.signet.provider.settings.SettingsSource;
import dev.signet.provider.settings.SignetSettings;
import dev.signet.provider.internal.store.SignetStores;
import dev.signet.provider.internal.verification.EndpointTable;
import dev.signet.provider.internal.verification.SchemeRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.signet.provider.internal.verification.ResponseSigner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The application's Signet components, built once from the settings: the application's own
 * {@link SettingsSource}, {@link KeyRepository}, {@link NonceStore} and {@link Clock} beans where it has
 * them, the built-ins otherwise, and one {@link VerificationPipeline} per scheme with every port wired.
 * Owns the Infinispan stores (replay nonces, rate budgets, idempotency records; see {@link SignetStores})
 * and stops them with the application.
 */
@ApplicationScoped
public class SignetRuntime {

    private static final Logger LOG = Logger.getLogger(SignetRuntime.class.getName());

    @Inject
    Instance<SettingsSource> applicationSettings;
    @Inject
    Instance<KeyRepository> applicationKeys;
    @Inject
    Instance<NonceStore> applicationNonceStore;
    @Inject
    Instance<Clock> applicationClock;
    @Inject
    Event<SignedRequestVerified> verifiedEvents;
    @Inject
    Event<SignedRequestRefused> refusedEvents;
    @Inject
    VerifiedCaller caller;
    @Inject
    SpooledBodies spooledBodies;
    @Inject
    JakartaSecurityExtension jakartaSecurity;
    @Inject
    Instance<IdempotencyGuard> idempotencyGuards;

    private SignetSettings settings;
    private Clock clock;
    private KeyRepository keys;
    private NonceStore nonces;
    private SignetStores stores;
    private SchemeRegistry schemes;
    private BodyReader bodyReader;
    private RefusalResponses responses;
    private Ports.ClientAddress addresses;
    private Ports.TenantBinding tenants;
    private Optional<ResponseSigner> responseSigner;
    private SharedRateBudget rateBudget;
    private final Map<String, VerificationPipeline> pipelines = new ConcurrentHashMap<>();
    private final EndpointTable endpoints = new EndpointTable();

    @PostConstruct
    void start() {
        SettingsSource source = applicationSettings.isResolvable() ? applicationSettings.get() : SettingsSource.detect();
        settings = SignetSettings.from(source);
        schemes = new SchemeRegistry(settings);
        clock = applicationClock.isResolvable() ? applicationClock.get() : Clock.systemUTC();
        keys = resolveKeys();
        stores = SignetStores.from(settings);
        nonces = applicationNonceStore.isResolvable() ? applicationNonceStore.get() : stores.nonces();
        bodyReader = new BodyReader(settings.maxBodyBytes(), settings.spoolThresholdBytes(),
                Path.of(settings.spoolDirectory().orElse(System.getProperty("java.io.tmpdir"))));
        responses = new RefusalResponses(settings.realm(), clock);
        addresses = new ForwardedAddresses(settings.trustedProxies(), settings.forwardedHeader());
        tenants = settings.tenantHeader().map(Ports.TenantBinding::header).orElseGet(Ports.TenantBinding::none);
        responseSigner = ResponseSigner.from(settings.responseSigning());
        rateBudget = new SharedRateBudget(stores.rates(), clock);
        LOG.info(() -> "Signet ready: default scheme " + settings.scheme() + ", replay cache "
                + (applicationNonceStore.isResolvable() ? "from the application" : stores.describe())
                + ", rate budgets and idempotency records " + stores.describe());
    }

    /** Starts with the application, so a bad setting fails the deployment rather than the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.fine(() -> "Signet started for " + application);
    }

    private KeyRepository resolveKeys() {
        if (applicationKeys.isResolvable()) {
            return applicationKeys.get();
        }
        if (settings.jdbcKeys().isPresent()) {
            JdbcKeySettings jdbc = settings.jdbcKeys().get();
            KeyRepository cached = JdbcKeys.from(jdbc);
            LOG.info(() -> "Signet: keys from " + jdbc.describe() + ", each cached for " + jdbc.cacheTtl().toSeconds()
                    + " s (a revoked or disabled key is refused within that time)");
            return cached;
        }
        return settings.keysFile().<KeyRepository>map(f -> KeyFile.load(Path.of(f)))
                .orElseGet(() -> {
                    LOG.warning("Signet: no KeyRepository bean and no signet.keys.file: every signed request is refused");
                    return new InMemoryKeyRepository(List.of());
                });
    }

    @PreDestroy
    void stop() {
        endpoints.close();
        if (stores != null) {
            stores.close();
        }
    }

    /** The pipeline of a scheme, built once with every port of this application. */
    public VerificationPipeline pipeline(SignatureScheme scheme) {
        return pipelines.computeIfAbsent(scheme.name(), name -> VerificationPipeline
                .forServer(scheme, clock, keys::find, nonces, rateBudget, addresses, tenants)
                .clockSkew(settings.clockSkew())
                .defaultRatePerMinute(settings.defaultRatePerMinute())
                .diagnostics(settings.diagnostics())
                .build());
    }

    /** The server's RFC 9421 response key, when the settings name one. */
    public Optional<ResponseSigner> responseSigner() {
        return responseSigner;
    }

    public Clock clock() {
        return clock;
    }

    public SignetSettings settings() {
        return settings;
    }

    public KeyRepository keys() {
        return keys;
    }

    public NonceStore nonces() {
        return nonces;
    }

    /** The Infinispan stores this application owns (the nonces among them unless the application has its own). */
    public SignetStores stores() {
        return stores;
    }

    public SchemeRegistry schemes() {
        return schemes;
    }

    public BodyReader bodyReader() {
        return bodyReader;
    }

    public RefusalResponses responses() {
        return responses;
    }

    /** Whether each verified key is also logged in as the Jakarta Security caller (decided at deployment). */
    public boolean jakartaSecurityCaller() {
        return jakartaSecurity.callerRegistered();
    }

    public EndpointTable endpoints() {
        return endpoints;
    }

    /** The current request's captured bodies (a request-scoped proxy). */
    public SpooledBodies spooledBodies() {
        return spooledBodies;
    }

    public VerifiedCaller caller() {
        return caller;
    }

    /**
     * The current request's idempotency guard (a request-scoped proxy). An application that names its beans
     * instead of letting CDI discover them, and leaves this one out, still gets idempotency; only an
     * exception no mapper answers then holds its key until {@code signet.idempotency.in-flight-seconds}.
     */
    public IdempotencyGuard idempotencyGuard() {
        return idempotencyGuards.isResolvable() ? idempotencyGuards.get() : new IdempotencyGuard();
    }

    public Event<SignedRequestVerified> verifiedEvents() {
        return verifiedEvents;
    }

    public Event<SignedRequestRefused> refusedEvents() {
        return refusedEvents;
    }
}
