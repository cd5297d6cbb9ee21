package dev.signet.provider;

import dev.signet.provider.body.BodyReader;
import dev.signet.provider.caller.ClientAddressResolver;
import dev.signet.provider.caller.VerifiedCaller;
import dev.signet.provider.errors.RefusalResponses;
import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.ratelimit.RateLimiter;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.replay.NonceStore;
import dev.signet.provider.settings.SettingsSource;
import dev.signet.provider.settings.SignetSettings;
import dev.signet.provider.verification.SchemeRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The application's Signet components, built once from the settings: the application's own
 * {@link KeyRepository}, {@link NonceStore} and {@link Clock} beans where it has them, the built-ins
 * otherwise. Owns the default Infinispan cache manager and stops it with the application.
 */
@ApplicationScoped
public class SignetRuntime {

    private static final Logger LOG = Logger.getLogger(SignetRuntime.class.getName());

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

    private SignetSettings settings;
    private Clock clock;
    private KeyRepository keys;
    private NonceStore nonces;
    private InfinispanNonceStore ownedNonces;
    private SchemeRegistry schemes;
    private BodyReader bodyReader;
    private RefusalResponses responses;
    private ClientAddressResolver addresses;
    private RateLimiter rateLimiter;

    @PostConstruct
    void start() {
        settings = SignetSettings.from(SettingsSource.detect());
        clock = applicationClock.isResolvable() ? applicationClock.get() : Clock.systemUTC();
        keys = resolveKeys();
        if (applicationNonceStore.isResolvable()) {
            nonces = applicationNonceStore.get();
        } else {
            ownedNonces = settings.infinispanConfig()
                    .map(xml -> InfinispanNonceStore.fromXml(xml, settings.infinispanCache()))
                    .orElseGet(InfinispanNonceStore::local);
            nonces = ownedNonces;
        }
        schemes = new SchemeRegistry(settings, clock);
        bodyReader = new BodyReader(settings.maxBodyBytes(), settings.spoolThresholdBytes(),
                Path.of(settings.spoolDirectory().orElse(System.getProperty("java.io.tmpdir"))));
        responses = new RefusalResponses(settings.realm(), clock);
        addresses = new ClientAddressResolver(settings.trustedProxies());
        rateLimiter = new RateLimiter(clock);
        LOG.info(() -> "Signet ready: default scheme " + settings.scheme() + ", replay cache "
                + (ownedNonces == null ? "from the application" : ownedNonces.isClustered() ? "clustered" : "local"));
    }

    /** Starts with the application, so a bad setting fails the deployment rather than the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.fine(() -> "Signet started for " + application);
    }

    private KeyRepository resolveKeys() {
        if (applicationKeys.isResolvable()) {
            return applicationKeys.get();
        }
        return settings.keysFile().<KeyRepository>map(f -> KeyFile.load(Path.of(f)))
                .orElseGet(() -> {
                    LOG.warning("Signet: no KeyRepository bean and no signet.keys.file: every signed request is refused");
                    return new InMemoryKeyRepository(List.of());
                });
    }

    @PreDestroy
    void stop() {
        if (ownedNonces != null) {
            ownedNonces.close();
        }
    }

    public SignetSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public KeyRepository keys() {
        return keys;
    }

    public NonceStore nonces() {
        return nonces;
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

    public ClientAddressResolver addresses() {
        return addresses;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public VerifiedCaller caller() {
        return caller;
    }

    public Event<SignedRequestVerified> verifiedEvents() {
        return verifiedEvents;
    }

    public Event<SignedRequestRefused> refusedEvents() {
        return refusedEvents;
    }
}
