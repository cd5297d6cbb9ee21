// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.telemetry;

import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The OpenTelemetry side of {@link SignetTelemetry}; loaded only once the API is known to be there. */
final class OpenTelemetrySink implements TelemetrySink {

    static final String INSTRUMENTATION = "dev.signet.provider";
    static final AttributeKey<String> SCHEME = AttributeKey.stringKey("signet.scheme");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("signet.reason");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("signet.step");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("signet.outcome");
    static final AttributeKey<String> KEY_ID = AttributeKey.stringKey("signet.key_id");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");

    /** Verification takes microseconds, or milliseconds with a large body: buckets from 10 µs to 10 s. */
    private static final List<Double> BUCKETS = List.of(0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001,
            0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final String description;
    private final Tracer tracer;
    private final LongCounter verified;
    private final LongCounter refused;
    private final DoubleHistogram duration;

    private OpenTelemetrySink(OpenTelemetry otel, String description) {
        this.description = description;
        String version = OpenTelemetrySink.class.getPackage().getImplementationVersion();
        this.tracer = version == null ? otel.getTracer(INSTRUMENTATION) : otel.getTracer(INSTRUMENTATION, version);
        Meter meter = otel.getMeter(INSTRUMENTATION);
        this.verified = meter.counterBuilder("signet.requests.verified").setUnit("{request}")
                .setDescription("Signed requests that passed every check").build();
        this.refused = meter.counterBuilder("signet.requests.refused").setUnit("{request}")
                .setDescription("Signed requests refused, by scheme, reason and pipeline step").build();
        this.duration = meter.histogramBuilder("signet.verification.duration").setUnit("s")
                .setDescription("Time Signet took to verify a request, body hashing included")
                .setExplicitBucketBoundariesAdvice(BUCKETS).build();
    }

    static TelemetrySink create(BeanManager beans) {
        Instance<OpenTelemetry> bean = beans.createInstance().select(OpenTelemetry.class);
        if (bean.isResolvable()) {
            return new OpenTelemetrySink(bean.get(), "OpenTelemetry from the application's CDI bean");
        }
        return new OpenTelemetrySink(GlobalOpenTelemetry.get(), "GlobalOpenTelemetry");
    }

    @Override
    public void verified(SignedRequestVerified event) {
        Attributes scheme = Attributes.of(SCHEME, event.scheme());
        verified.add(1, scheme);
        duration.record(seconds(event.elapsed()), Attributes.of(SCHEME, event.scheme(), OUTCOME, "verified"));
        span(event.scheme(), event.keyId(), event.method(), event.elapsed(), "verified", null);
    }

    @Override
    public void refused(SignedRequestRefused event) {
        String reason = event.reason().name().toLowerCase(Locale.ROOT);
        refused.add(1, Attributes.of(SCHEME, event.scheme(), REASON, reason, STEP,
                event.reason().step().name().toLowerCase(Locale.ROOT)));
        duration.record(seconds(event.elapsed()), Attributes.of(SCHEME, event.scheme(), OUTCOME, "refused"));
        span(event.scheme(), event.keyId(), event.method(), event.elapsed(), "refused", reason);
    }

    /**
     * A span over the verification that just ended, a child of the request's span when the server traces
     * (the observer runs on the request's thread), which also gets the key id.
     */
    private void span(String scheme, String keyId, String method, Duration elapsed, String outcome, String reason) {
        Instant end = Instant.now();
        Span span = tracer.spanBuilder("signet.verify").setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(end.minus(elapsed))
                .setAttribute(SCHEME, scheme).setAttribute(OUTCOME, outcome).setAttribute(METHOD, method)
                .startSpan();
        if (keyId != null) {
            span.setAttribute(KEY_ID, keyId);
            Span request = Span.current();
            if (request.isRecording()) {
                request.setAttribute(KEY_ID, keyId);
            }
        }
        if (reason != null) {
            span.setAttribute(REASON, reason);
        }
        span.end(end);
    }

    private static double seconds(Duration elapsed) {
        return elapsed.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return description;
    }
}
