// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.telemetry;

import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Metrics and a span for every signed request, through the OpenTelemetry API when the application can see
 * it (MicroProfile Telemetry on WildFly and Payara, or the API in the WAR), and nothing at all otherwise.
 * It observes Signet's own CDI events, {@link SignedRequestVerified} and {@link SignedRequestRefused}.
 *
 * <p>No OpenTelemetry type appears in this class, so it loads and observes on a server without the API; the
 * class that uses the API ({@code OpenTelemetrySink}) is loaded only after the API was found. The
 * {@code OpenTelemetry} instance is the application's CDI bean of that type when there is one (MicroProfile
 * Telemetry provides it), else {@code GlobalOpenTelemetry}.
 *
 * <p>What it records (see the README's Day two section): counters {@code signet.requests.verified}
 * ({@code signet.scheme}) and {@code signet.requests.refused} ({@code signet.scheme}, {@code signet.reason},
 * {@code signet.step}), histogram {@code signet.verification.duration} in seconds ({@code signet.scheme},
 * {@code signet.outcome}), and a span {@code signet.verify} with the key id ({@code signet.key_id}) as an
 * attribute, never a secret. Key ids stay out of metric attributes: a caller chooses them, so they would be
 * unbounded.
 */
@ApplicationScoped
public class SignetTelemetry {

    static final String API_CLASS = "io.opentelemetry.api.OpenTelemetry";
    private static final Logger LOG = Logger.getLogger(SignetTelemetry.class.getName());

    @Inject
    BeanManager beans;

    private TelemetrySink sink = TelemetrySink.NONE;

    @PostConstruct
    void start() {
        if (apiVisibleFrom(SignetTelemetry.class.getClassLoader())) {
            try {
                sink = OpenTelemetrySink.create(beans);
            } catch (LinkageError | RuntimeException e) {
                LOG.warning(() -> "Signet: OpenTelemetry is on the class path but cannot be used (" + e
                        + "); no Signet metrics or spans");
            }
        }
        LOG.fine(() -> "Signet telemetry: " + sink);
    }

    void onVerified(@Observes SignedRequestVerified event) {
        sink.verified(event);
    }

    void onRefused(@Observes SignedRequestRefused event) {
        sink.refused(event);
    }

    /** Whether metrics and spans are sent (the OpenTelemetry API was found). */
    public boolean active() {
        return sink != TelemetrySink.NONE;
    }

    static boolean apiVisibleFrom(ClassLoader loader) {
        try {
            Class.forName(API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
