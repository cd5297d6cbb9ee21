// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's own HTTP server on 127.0.0.1, verifying every request with core's {@link VerificationPipeline}
 * over the exact bytes received, with an in-memory replay store, and refusing in the scheme's error format
 * ({@link RefusalBody}). A stand-in for the provider's filter, and a recorder: tests read back exactly what
 * arrived. Like {@code ProviderVerifyingServer}, its key registry grants the key {@link #SCOPE} and every
 * endpoint requires it: canonical-nonce denies an endpoint that requires no scope (seed 004).
 */
public final class JdkVerifyingServer implements VerifyingServer {

    /** Bodies up to this size are kept for assertions; larger ones only hashed and counted. */
    public static final int KEEP_BODY_UP_TO = 1024 * 1024;

    /** The scope every endpoint requires and the server grants the key. */
    public static final String SCOPE = "transfer";

    private final VerificationPipeline pipeline;
    private final Scheme scheme;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<ReceivedExchange> received = new ConcurrentLinkedQueue<>();

    private JdkVerifyingServer(Scheme scheme, ApiKey key, Clock clock) throws IOException {
        ApiKey granted = key.toBuilder().scope(SCOPE).build();
        this.pipeline = VerificationPipeline.forServer(scheme, clock,
                id -> id.equals(granted.id()) ? Optional.of(granted) : Optional.empty(),
                new InMemoryReplayStore(clock), Ports.RateBudget.unlimited(), request -> Optional.empty(),
                Ports.TenantBinding.none()).build();
        this.scheme = scheme;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static JdkVerifyingServer start(Scheme scheme, ApiKey key) {
        return start(scheme, key, Clock.systemUTC());
    }

    public static JdkVerifyingServer start(Scheme scheme, ApiKey key, Clock clock) {
        try {
            return new JdkVerifyingServer(scheme, key, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Every request received so far, in arrival order. */
    public List<ReceivedExchange> received() {
        return new ArrayList<>(received);
    }

    /** The one request received so far; fails if there were none or several. */
    public ReceivedExchange onlyRequest() {
        List<ReceivedExchange> all = received();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, the server received " + all.size());
        }
        return all.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            BodyHash.Hasher hasher = BodyHash.hasher();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    hasher.update(buffer, 0, n);
                    if (kept.size() + n <= KEEP_BODY_UP_TO) {
                        kept.write(buffer, 0, n);
                    }
                }
            }
            long length = hasher.length();
            BodyHash hash = hasher.finish();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Headers headers = exchange.getRequestHeaders();
            ReceivedRequest request = new ReceivedRequest(method, path, HeaderSource.ofLists(headers));
            Verification verification = pipeline.verify(request, hash, Set.of(SCOPE), Trace.NONE);
            int status;
            String answer;
            String contentType = "application/json";
            if (verification instanceof Refusal refusal) {
                status = 401;
                RefusalBody body = RefusalBody.of(scheme.errorFormat(), refusal, clock);
                answer = body.json();
                contentType = body.contentType();
            } else {
                status = 200;
                answer = "{\"method\":" + JsonString.quote(method) + ",\"path\":" + JsonString.quote(path)
                        + ",\"sha256\":\"" + hash.hex() + "\",\"length\":" + length + "}";
            }
            received.add(new ReceivedExchange(method, path, exchange.getRequestURI().getRawQuery(), headers,
                    hash.hex(), length, length <= KEEP_BODY_UP_TO ? kept.toByteArray() : null, status,
                    verification instanceof Refusal r ? r.failure().name() : "VERIFIED"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Signature");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The replay cache of one server: put-if-absent, entries dropped once their lifespan is over. */
    private static final class InMemoryReplayStore implements Ports.ReplayStore {

        private final Clock clock;
        private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();

        InMemoryReplayStore(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean contains(String replayKey) {
            Instant expiry = expiries.get(replayKey);
            return expiry != null && clock.instant().isBefore(expiry);
        }

        @Override
        public boolean putIfAbsent(String replayKey, Duration lifespan) {
            Instant now = clock.instant();
            boolean[] recorded = {false};
            // An expired entry is replaced; a live one makes this request the replay.
            expiries.compute(replayKey, (k, old) -> {
                if (old != null && now.isBefore(old)) {
                    return old;
                }
                recorded[0] = true;
                return now.plus(lifespan);
            });
            return recorded[0];
        }
    }
}
