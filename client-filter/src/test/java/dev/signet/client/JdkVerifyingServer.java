package dev.signet.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signet.core.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.JsonString;
import dev.signet.core.verification.Credentials;
import dev.signet.core.verification.Failure;
import dev.signet.core.verification.HeaderSource;
import dev.signet.core.verification.ReceivedRequest;
import dev.signet.core.verification.Refusal;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.core.verification.Verification;
import dev.signet.core.verification.Verified;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's own HTTP server on 127.0.0.1, verifying every request with core's {@link SignatureVerifier}
 * over the exact bytes received, with a replay set for the schemes that have a replay key. A stand-in for
 * the provider's filter, and a recorder: tests read back exactly what arrived.
 */
public final class JdkVerifyingServer implements VerifyingServer {

    /** Bodies up to this size are kept for assertions; larger ones only hashed and counted. */
    public static final int KEEP_BODY_UP_TO = 1024 * 1024;

    private final SignatureVerifier verifier;
    private final ApiKey key;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<String> acceptedReplayKeys = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<ReceivedExchange> received = new ConcurrentLinkedQueue<>();

    private JdkVerifyingServer(Scheme scheme, ApiKey key, Clock clock) throws IOException {
        this.verifier = new SignatureVerifier(scheme, clock);
        this.key = key;
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
            ReceivedRequest request = new ReceivedRequest(method, path, name -> {
                List<String> values = headers.get(name);
                return values == null ? List.of() : values;
            });
            Verification verification = verify(request, hash);
            int status;
            String answer;
            if (verification instanceof Refusal refusal) {
                status = 401;
                answer = "{\"failure\":" + JsonString.quote(refusal.failure().name())
                        + ",\"detail\":" + JsonString.quote(refusal.detail()) + "}";
            } else {
                status = 200;
                answer = "{\"method\":" + JsonString.quote(method) + ",\"path\":" + JsonString.quote(path)
                        + ",\"sha256\":\"" + hash.hex() + "\",\"length\":" + length + "}";
            }
            received.add(new ReceivedExchange(method, path, exchange.getRequestURI().getRawQuery(), headers,
                    hash.hex(), length, length <= KEEP_BODY_UP_TO ? kept.toByteArray() : null, status,
                    verification instanceof Refusal r ? r.failure().name() : "VERIFIED"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Signature");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Verification verify(ReceivedRequest request, BodyHash hash) {
        Verification verification = verifier.verify(request, hash,
                id -> id.equals(key.id()) ? Optional.of(key) : Optional.empty());
        if (verification instanceof Verified verified) {
            Credentials credentials = verified.credentials();
            Optional<String> replayKey = verifier.replayKey(credentials);
            if (replayKey.isPresent() && !acceptedReplayKeys.add(replayKey.get())) {
                return Refusal.of(Failure.REPLAYED, "Replayed request");
            }
        }
        return verification;
    }
}
