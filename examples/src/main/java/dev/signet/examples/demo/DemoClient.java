// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.client.SigningFeature;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.examples.keys.KeyGenerator;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientConfig;

/**
 * Calls {@code POST /{preset}/echo} under every preset through the client filter, once per
 * {@link Scenario}, and records what the server answered. Every request is signed by
 * {@link SigningFeature}; the bad ones are made bad the way they would be in the wild: a signed request
 * delivered with another body, a recorded request sent again, a client whose clock is off, a key the
 * server never issued.
 */
public final class DemoClient implements AutoCloseable {

    static final String BODY = "{\"amount\":\"100.00\",\"to\":\"alice\"}";
    private static final String SIGNED_AMOUNT = "\"100.00\"";
    private static final String TAMPERED_AMOUNT = "\"999.00\"";

    /** Further off than the widest preset window (five minutes), in the past. */
    static final Duration CLOCK_ERROR = Duration.ofMinutes(-10);

    private final URI base;
    private final ApiKey key;
    private final KeyGenerator generator;
    private final Client client;

    public DemoClient(URI base, ApiKey key, KeyGenerator generator) {
        this.base = Objects.requireNonNull(base, "base");
        this.key = Objects.requireNonNull(key, "key");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).build();
    }

    public DemoReport run() {
        return run(Presets.all());
    }

    public DemoReport run(List<Scheme> presets) {
        return new DemoReport(presets.stream().map(this::tryEverything).toList());
    }

    private PresetResults tryEverything(Scheme scheme) {
        // One feature for every honest request of a preset, as one application would have: under canonical,
        // it gives two identical requests in one second distinct timestamps, so neither is taken for a replay.
        SigningFeature signer = signedBy(scheme).build();
        Map<Scenario, Outcome> outcomes = new EnumMap<>(Scenario.class);
        for (Scenario scenario : Scenario.values()) {
            outcomes.put(scenario, attempt(scheme, scenario, signer));
        }
        return new PresetResults(scheme, outcomes);
    }

    private Outcome attempt(Scheme scheme, Scenario scenario, SigningFeature signer) {
        return switch (scenario) {
            case VALID -> post(echo(scheme).register(signer).request());
            case TAMPERED_BODY -> send(scheme, tampered(record(scheme, signer)));
            case REPLAY -> replay(scheme, signer);
            case STALE_TIMESTAMP -> post(echo(scheme)
                    .register(signedBy(scheme).clock(Clock.offset(Clock.systemUTC(), CLOCK_ERROR)).build()).request());
            case UNKNOWN_KEY -> post(echo(scheme)
                    .register(SigningFeature.of(scheme, generator.newId("unknown"), generator.newSecret())).request());
        };
    }

    /** The same request twice, as an eavesdropper who recorded it would send it: the second answer counts. */
    private Outcome replay(Scheme scheme, SigningFeature signer) {
        RecordedRequest recorded = record(scheme, signer);
        send(scheme, recorded);
        return send(scheme, recorded);
    }

    /** What the client filter would send for the demo body, signed and recorded but not sent. */
    private RecordedRequest record(Scheme scheme, SigningFeature signer) {
        RecordingConnector recorder = new RecordingConnector();
        Client recording = ClientBuilder.newClient(new ClientConfig().connectorProvider((c, config) -> recorder));
        try {
            post(recording.target(base).path(scheme.name()).path("echo").register(signer).request());
            return recorder.last();
        } finally {
            recording.close();
        }
    }

    private static RecordedRequest tampered(RecordedRequest signed) {
        String body = new String(signed.body(), StandardCharsets.UTF_8);
        if (!body.contains(SIGNED_AMOUNT)) {
            throw new IllegalStateException("the recorded body is not the demo body");
        }
        return new RecordedRequest(signed.method(), signed.headers(),
                body.replace(SIGNED_AMOUNT, TAMPERED_AMOUNT).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a recorded request as it is, headers and bytes, without signing anything. */
    private Outcome send(Scheme scheme, RecordedRequest request) {
        Invocation.Builder builder = echo(scheme).request();
        String contentType = MediaType.APPLICATION_JSON;
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                contentType = header.getValue().get(0);
            } else if (!header.getKey().equalsIgnoreCase(HttpHeaders.USER_AGENT)) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        try (Response response = builder.method(request.method(), Entity.entity(request.body(), contentType))) {
            return Outcome.of(response.getStatus(), response.readEntity(String.class));
        } catch (ProcessingException e) {
            throw new IllegalStateException("cannot reach the demo server: " + e.getMessage(), e);
        }
    }

    private SigningFeature.Builder signedBy(Scheme scheme) {
        return SigningFeature.builder(scheme).keyId(key.id()).secret(key.signingSecret());
    }

    private WebTarget echo(Scheme scheme) {
        return client.target(base).path(scheme.name()).path("echo");
    }

    private static Outcome post(Invocation.Builder request) {
        try (Response response = request.post(Entity.entity(BODY, MediaType.APPLICATION_JSON_TYPE))) {
            return Outcome.of(response.getStatus(), response.readEntity(String.class));
        } catch (ProcessingException e) {
            throw new IllegalStateException("cannot reach the demo server: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
