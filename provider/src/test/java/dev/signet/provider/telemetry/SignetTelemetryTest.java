// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestKeys;
import dev.signet.provider.testing.TestSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics and spans on a real server, exported by the OpenTelemetry SDK's in-memory exporters, from an
 * {@code OpenTelemetry} CDI bean as MicroProfile Telemetry provides one.
 */
class SignetTelemetryTest {

    private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private static final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private static OpenTelemetrySdk sdk;
    private static SignetTestServer server;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        server = SignetTestServer.start(new TestSettings(Map.of(), null).withBean(OpenTelemetry.class, sdk),
                SignetTestServer.CONTEXT, SignetTestServer.APPLICATION, EchoResource.class);
        http = new SignedHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
        sdk.close();
    }

    @Test
    void verifiedAndRefusedRequestsAreCountedTimedAndTraced() {
        spans.reset();
        assertEquals(200, http.get("/default/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
        assertEquals(200, http.get("/default/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
        assertEquals(401, http.get("/default/get").signed(Presets.CANONICAL_NONCE, "reader",
                Secret.of("wrong-secret"), Clock.systemUTC()).send().statusCode());
        assertEquals(403, http.get("/default/get").signed(Presets.CANONICAL_NONCE, TestKeys.DISABLED).send().statusCode());
        assertEquals(401, http.get("/canonical/get").send().statusCode());
        assertTrue(server.bean(SignetTelemetry.class).active());

        Collection<MetricData> all = metrics.collectAllMetrics();
        assertEquals(2, count(all, "signet.requests.verified", Attributes.of(OpenTelemetrySink.SCHEME, "canonical-nonce")));
        assertEquals(1, count(all, "signet.requests.refused", Attributes.of(OpenTelemetrySink.SCHEME, "canonical-nonce",
                OpenTelemetrySink.REASON, "signature_mismatch", OpenTelemetrySink.STEP, "signature")));
        assertEquals(1, count(all, "signet.requests.refused", Attributes.of(OpenTelemetrySink.SCHEME, "canonical-nonce",
                OpenTelemetrySink.REASON, "key_disabled", OpenTelemetrySink.STEP, "key_status")));
        assertEquals(1, count(all, "signet.requests.refused", Attributes.of(OpenTelemetrySink.SCHEME, "canonical",
                OpenTelemetrySink.REASON, "missing_credentials", OpenTelemetrySink.STEP, "credentials")));

        HistogramPointData verifiedTimes = histogram(all, Attributes.of(OpenTelemetrySink.SCHEME, "canonical-nonce",
                OpenTelemetrySink.OUTCOME, "verified"));
        assertEquals(2, verifiedTimes.getCount());
        assertTrue(verifiedTimes.getSum() > 0 && verifiedTimes.getSum() < 5, "seconds: " + verifiedTimes.getSum());
        assertEquals(0.00001, verifiedTimes.getBoundaries().get(0), "the bucket advice is applied");
        assertEquals(3, histogram(all, Attributes.of(OpenTelemetrySink.SCHEME, "canonical-nonce",
                OpenTelemetrySink.OUTCOME, "refused")).getCount() + histogram(all, Attributes.of(OpenTelemetrySink.SCHEME,
                "canonical", OpenTelemetrySink.OUTCOME, "refused")).getCount());

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertEquals(5, finished.size());
        SpanData first = finished.get(0);
        assertEquals("signet.verify", first.getName());
        assertEquals("reader", first.getAttributes().get(OpenTelemetrySink.KEY_ID));
        assertEquals("verified", first.getAttributes().get(OpenTelemetrySink.OUTCOME));
        assertEquals("GET", first.getAttributes().get(OpenTelemetrySink.METHOD));
        assertTrue(first.getEndEpochNanos() > first.getStartEpochNanos());
        SpanData mismatch = finished.get(2);
        assertEquals("signature_mismatch", mismatch.getAttributes().get(OpenTelemetrySink.REASON));
        assertEquals("reader", mismatch.getAttributes().get(OpenTelemetrySink.KEY_ID));
        assertEquals(null, finished.get(4).getAttributes().get(OpenTelemetrySink.KEY_ID), "no key id was sent");

        // Never a secret, and no key id in a metric (callers choose them: unbounded).
        String everything = finished.toString() + all;
        assertFalse(everything.contains(TestKeys.SECRET) || everything.contains("wrong-secret"));
        for (MetricData m : all) {
            m.getData().getPoints().forEach(p -> assertTrue(p.getAttributes().get(OpenTelemetrySink.KEY_ID) == null, m.getName()));
        }
    }

    @Test
    void theObserverHasNoOpenTelemetryTypeSoItLoadsWithoutTheApi() {
        Stream<Class<?>> types = Stream.of(
                Arrays.stream(SignetTelemetry.class.getDeclaredFields()).map(Field::getType),
                Arrays.stream(SignetTelemetry.class.getDeclaredMethods()).map(Method::getReturnType),
                Arrays.stream(SignetTelemetry.class.getDeclaredMethods()).flatMap(m -> Arrays.stream(m.getParameterTypes())))
                .flatMap(s -> s);
        types.forEach(t -> assertFalse(t.getName().startsWith("io.opentelemetry"), t.getName()));
    }

    @Test
    void withoutTheApiOnTheClassPathNothingIsSent() {
        ClassLoader withoutOpenTelemetry = new URLClassLoader(new URL[0], getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.opentelemetry.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertFalse(SignetTelemetry.apiVisibleFrom(withoutOpenTelemetry));
        assertTrue(SignetTelemetry.apiVisibleFrom(getClass().getClassLoader()));
    }

    private static long count(Collection<MetricData> all, String name, Attributes attributes) {
        return all.stream().filter(m -> m.getName().equals(name)).flatMap(m -> m.getLongSumData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
    }

    private static HistogramPointData histogram(Collection<MetricData> all, Attributes attributes) {
        return all.stream().filter(m -> m.getName().equals("signet.verification.duration"))
                .flatMap(m -> m.getHistogramData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes)).findFirst().orElseThrow(() -> new AssertionError(
                        "no histogram point for " + attributes + " in " + all));
    }

}
