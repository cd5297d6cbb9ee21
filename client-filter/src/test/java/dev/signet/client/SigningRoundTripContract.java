// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client feature against a real HTTP server that verifies what it receives, for every preset. The
 * server is whatever {@link #start} returns, so the same scenarios run against the JDK test server here and
 * against the provider's filter elsewhere: extend this class and start a {@link VerifyingServer}.
 *
 * <p>Where a scenario asserts "the signed bytes are the received bytes", it compares the body hash the
 * feature signed (seen through its {@code onSigned} listener) with the hash the server computed over what
 * arrived; the server's acceptance then proves the signature covered those bytes too.
 */
public abstract class SigningRoundTripContract {

    /** A secret with non-ASCII characters: the HMAC key is its UTF-8 bytes on both sides. */
    protected static final ApiKey KEY = ApiKey.of("client-filter-key-1", "s3cret-clé-✓-value");

    private static final String PATH = "api/v1/transfers";
    private static final String JSON = "{\"sourceWalletId\":\"w_123\",\"amount\":\"100.00\",\"note\":\"Zoë 日本\"}";
    private static final int TWENTY_MIB = 20 * 1024 * 1024;

    /** Starts a server that verifies {@code scheme} signatures made with {@code key}, on the system clock. */
    protected abstract VerifyingServer start(Scheme scheme, ApiKey key);

    static List<Scheme> presets() {
        return Presets.all();
    }

    // ---- bodies of every kind -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void getWithoutBodyIsSignedOverTheEmptyBodyHashAndAccepted(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request().get());

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.EMPTY.hex(), answer.receivedSha256());
            assertEquals(BodyHash.EMPTY, log.only().request().bodyHash());
            assertEquals("GET", log.only().request().method());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void postJsonStringIsSignedOverTheExactBytesReceived(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(JSON.getBytes(StandardCharsets.UTF_8)).hex(), answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void postJsonBindingPojoIsSignedOverTheSerializedBytes(Scheme scheme) throws Exception {
        SignedLog log = new SignedLog();
        Transfer transfer = new Transfer();
        transfer.sourceWalletId = "w_123";
        transfer.targetWalletId = "w_456";
        transfer.amount = "100.00";
        transfer.currency = "USD";
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log));
                Jsonb jsonb = JsonbBuilder.create()) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.json(transfer)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(jsonb.toJson(transfer).getBytes(StandardCharsets.UTF_8)).hex(),
                    answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
            assertEquals("100.00", transfer.amount, "the entity is never mutated");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void postJacksonPojoIsSignedOverTheSerializedBytes(Scheme scheme) throws Exception {
        SignedLog log = new SignedLog();
        Transfer transfer = new Transfer();
        transfer.sourceWalletId = "w_123";
        transfer.amount = "100.00";
        // Only Jackson on this client: JSON-B is on the test classpath too, and would be discovered first.
        try (VerifyingServer server = start(scheme, KEY);
                Client client = client(feature(scheme, log))
                        .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                        .register(JacksonFeature.class)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.json(transfer)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(new ObjectMapper().writeValueAsBytes(transfer)).hex(), answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void putFormIsSignedOverTheEncodedForm(Scheme scheme) {
        SignedLog log = new SignedLog();
        Form form = new Form().param("name", "Zoë & Ångström").param("note", "a=b c+d");
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("vaults/v_42").request().put(Entity.form(form)));

            assertTrue(answer.accepted(), answer::toString);
            assertTrue(answer.receivedLength() > 0);
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
            assertEquals(List.of("Zoë & Ångström"), form.asMap().get("name"), "the form is never mutated");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void postBytesIsSignedAndTheArrayIsLeftUnchanged(Scheme scheme) {
        SignedLog log = new SignedLog();
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        byte[] copy = bytes.clone();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("files").request()
                    .post(Entity.entity(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(copy).hex(), answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
            assertArrayEquals(copy, bytes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aTwentyMebibyteStreamIsSignedAndAccepted(Scheme scheme) {
        SignedLog log = new SignedLog();
        // The test never holds the body: it is generated while written, and the feature spools it to disk.
        StreamingOutput stream = out -> writeSeededBytes(out, TWENTY_MIB);
        try (VerifyingServer server = start(scheme, KEY);
                Client client = client(feature(scheme, log)).property(ClientProperties.REQUEST_ENTITY_PROCESSING, "CHUNKED")) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("uploads").request()
                    .post(Entity.entity(stream, MediaType.APPLICATION_OCTET_STREAM_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(TWENTY_MIB, answer.receivedLength());
            assertEquals(seededBytesHash(TWENTY_MIB).hex(), answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aPercentEncodedPathIsSignedRawAndTheQueryIsLeftOut(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            URI uri = server.baseUri().resolve("api/v1/items/caf%C3%A9%20x?page=0&q=a%20b");
            Answer answer = Answer.of(client.target(uri).request().get());

            assertTrue(answer.accepted(), answer::toString);
            assertEquals("/api/v1/items/caf%C3%A9%20x", log.only().request().path());
        }
    }

    // ---- concurrency and retries -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void sixteenThreadsShareOneClientAndEveryCallIsAccepted(Scheme scheme) throws Exception {
        int threads = 16;
        int callsPerThread = 20;
        SignedLog log = new SignedLog();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Answer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    go.await();
                    List<Answer> answers = new ArrayList<>();
                    // Sixteen identical requests at once: under canonical they must still differ on the wire.
                    answers.add(Answer.of(client.target(server.baseUri()).path("wallets").request().get()));
                    for (int i = 1; i < callsPerThread; i++) {
                        String body = "{\"thread\":" + thread + ",\"call\":" + i + "}";
                        answers.add(Answer.of(client.target(server.baseUri()).path(PATH).request()
                                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))));
                    }
                    return answers;
                }));
            }
            go.countDown();
            for (Future<List<Answer>> result : results) {
                for (Answer answer : result.get(60, TimeUnit.SECONDS)) {
                    assertTrue(answer.accepted(), answer::toString);
                }
            }
            assertEquals(threads * callsPerThread, log.all().size());
            if (scheme.headers().hasNonce()) {
                Set<String> nonces = new HashSet<>();
                log.all().forEach(s -> nonces.add(s.headers().get(scheme.headers().nonce())));
                assertEquals(threads * callsPerThread, nonces.size(), "one nonce per call");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aRetriedInvocationIsSignedAfreshAndAccepted(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            Invocation invocation = client.target(server.baseUri()).path(PATH).request()
                    .build("POST", Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE));
            Invocation.Builder builder = client.target(server.baseUri()).path("wallets").request();

            Answer first = Answer.of(invocation.invoke());
            Answer retry = Answer.of(invocation.invoke());
            Answer get = Answer.of(builder.get());
            Answer getAgain = Answer.of(builder.get());

            for (Answer answer : List.of(first, retry, get, getAgain)) {
                assertTrue(answer.accepted(), answer::toString);
            }
            assertEquals(4, log.all().size(), "every attempt is signed");
            if (scheme.replayKey() != dev.signet.core.scheme.ReplayKey.NONE) {
                // Where the server keeps replays, an attempt signed like the one before would be refused.
                assertNotEquals(log.all().get(0).headers(), log.all().get(1).headers());
                assertNotEquals(log.all().get(2).headers(), log.all().get(3).headers());
            }
        }
    }

    // ---- what is signed is what is sent ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aBodyChangedBetweenTheSignerAndTheWireIsRefusedWhereTheSchemeSignsTheBody(Scheme scheme) {
        try (VerifyingServer server = start(scheme, KEY);
                Client client = client(feature(scheme, new SignedLog()))
                        .register(new ChangesDigits(), SigningFeature.WRITER_INTERCEPTOR_PRIORITY - 1)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            assertBodyTamperingIsDetectedWhereSigned(scheme, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aBodyChangedByAProxyInFlightIsRefusedWhereTheSchemeSignsTheBody(Scheme scheme) {
        UnaryOperator<byte[]> changeAmount = body -> new String(body, StandardCharsets.UTF_8)
                .replace("100.00", "999.00").getBytes(StandardCharsets.UTF_8);
        try (VerifyingServer server = start(scheme, KEY);
                TamperingProxy proxy = new TamperingProxy(server.baseUri(), changeAmount);
                Client client = client(feature(scheme, new SignedLog()))) {
            Answer answer = Answer.of(client.target(proxy.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            assertBodyTamperingIsDetectedWhereSigned(scheme, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aBodyChangedBeforeTheSignerIsSignedAsSentAndAccepted(Scheme scheme) {
        SignedLog log = new SignedLog();
        String replaced = "{\"replacedBy\":\"a filter\"}";
        ClientRequestFilter replacesEntity = request -> request.setEntity(replaced);
        try (VerifyingServer server = start(scheme, KEY);
                Client client = client(feature(scheme, log))
                        .register(replacesEntity, Priorities.USER)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(replaced.getBytes(StandardCharsets.UTF_8)).hex(), answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void bytesChangedByAnInnerInterceptorAreSignedAsSentAndAccepted(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY);
                Client client = client(feature(scheme, log)).register(new ChangesDigits(), Priorities.ENTITY_CODER)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));

            assertTrue(answer.accepted(), answer::toString);
            assertEquals(BodyHash.of(ChangesDigits.change(JSON.getBytes(StandardCharsets.UTF_8))).hex(),
                    answer.receivedSha256());
            assertSignedBytesAreReceivedBytes(scheme, log, answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aRequestTheCallerSignedFailsInsteadOfGoingOutWithTheCallersSignature(Scheme scheme) {
        SignedLog log = new SignedLog();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature(scheme, log))) {
            URI uri = server.baseUri().resolve("wallets");
            var signed = RequestSigner.of(scheme).sign(CanonicalRequest.withoutBody("GET", uri.getRawPath()),
                    KEY.id(), KEY.signingSecret());
            Invocation.Builder request = client.target(uri).request();
            signed.headers().forEach(request::header);

            // A client with the feature signs every call itself: one carrying its own signature is a mistake.
            ProcessingException failure = assertThrows(ProcessingException.class, () -> request.get().close());

            String message = String.valueOf(failure.getCause());
            assertTrue(signed.headers().keySet().stream().anyMatch(message::contains), message);
            assertTrue(log.all().isEmpty(), "the feature did not sign");
        }
    }

    // ---- clock skew ------------------------------------------------------------------------------------

    /** Presets whose window a clock two minutes off is outside of, yet within the largest correction. */
    static List<Scheme> presetsNarrowerThanTwoMinutes() {
        return Presets.all().stream().filter(s -> s.window().compareTo(Duration.ofMinutes(2)) < 0).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presetsNarrowerThanTwoMinutes")
    void aClientClockTwoMinutesBehindIsCorrectedAfterOneRefusal(Scheme scheme) {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
        SigningFeature feature = SigningFeature.builder(scheme).keyId(KEY.id()).secret(KEY.signingSecret())
                .clock(behind).skewCorrection(true).build();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature)) {
            // The refused call has a body, so its headers were set by the writer interceptor: learned from too.
            Answer refused = Answer.of(client.target(server.baseUri()).path(PATH).request()
                    .post(Entity.entity(JSON, MediaType.APPLICATION_JSON_TYPE)));
            Answer accepted = Answer.of(client.target(server.baseUri()).path("wallets").request().get());

            assertEquals(401, refused.status(), refused::toString);
            assertTrue(accepted.accepted(), accepted::toString);
        }
    }

    /**
     * Past the largest correction (five minutes), a server's Date is not believed, so the clock stays wrong.
     * Under the five-minute presets (timestamp-secret, json-payload) every timestamp refusal is past it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void aClientClockTenMinutesBehindIsBeyondCorrectionAndStaysRefused(Scheme scheme) {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        SigningFeature feature = SigningFeature.builder(scheme).keyId(KEY.id()).secret(KEY.signingSecret())
                .clock(behind).skewCorrection(true).build();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature)) {
            for (int i = 0; i < 2; i++) {
                Answer answer = Answer.of(client.target(server.baseUri()).path("wallets").request().get());
                assertEquals(401, answer.status(), answer::toString);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.signet.client.SigningRoundTripContract#presets")
    void withoutSkewCorrectionASkewedClockStaysRefused(Scheme scheme) {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        SigningFeature feature = SigningFeature.builder(scheme).keyId(KEY.id()).secret(KEY.signingSecret())
                .clock(behind).build();
        try (VerifyingServer server = start(scheme, KEY); Client client = client(feature)) {
            for (int i = 0; i < 2; i++) {
                Answer answer = Answer.of(client.target(server.baseUri()).path("wallets").request().get());
                assertEquals(401, answer.status(), answer::toString);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    protected static SigningFeature feature(Scheme scheme, SignedLog log) {
        return SigningFeature.builder(scheme).keyId(KEY.id()).secret(KEY.signingSecret()).onSigned(log).build();
    }

    protected static Client client(SigningFeature feature) {
        return ClientBuilder.newClient().register(feature);
    }

    /** Where the scheme signs the body, the hash it signed is the hash of what the server received. */
    private static void assertSignedBytesAreReceivedBytes(Scheme scheme, SignedLog log, Answer answer) {
        if (scheme.covers(dev.signet.core.scheme.Component.BODY_HASH)) {
            assertEquals(answer.receivedSha256(), log.last().request().bodyHash().hex(),
                    "the signed bytes are the bytes the server received");
        }
    }

    private static void assertBodyTamperingIsDetectedWhereSigned(Scheme scheme, Answer answer) {
        if (scheme.covers(dev.signet.core.scheme.Component.BODY_HASH)) {
            assertEquals(401, answer.status(), answer::toString);
        } else {
            // timestamp-secret and json-payload sign no body, by their documents: the change goes through.
            assertTrue(answer.accepted(), answer::toString);
            assertNotEquals(BodyHash.of(JSON.getBytes(StandardCharsets.UTF_8)).hex(), answer.receivedSha256());
        }
    }

    private static void writeSeededBytes(OutputStream out, int count) throws IOException {
        Random random = new Random(20);
        byte[] chunk = new byte[64 * 1024];
        for (int written = 0; written < count; written += chunk.length) {
            random.nextBytes(chunk);
            out.write(chunk, 0, Math.min(chunk.length, count - written));
        }
    }

    private static BodyHash seededBytesHash(int count) {
        BodyHash.Hasher hasher = BodyHash.hasher();
        try {
            writeSeededBytes(new OutputStream() {
                @Override
                public void write(int b) {
                    hasher.update(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    hasher.update(b, off, len);
                }
            }, count);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return hasher.finish();
    }

    /** A JSON-B bean: public fields, as the simplest mapping. */
    public static final class Transfer {
        public String sourceWalletId;
        public String targetWalletId;
        public String amount;
        public String currency;
    }

    /** Rewrites every digit 0-8 to the next one in the bytes passing through: a length-preserving change. */
    static final class ChangesDigits implements WriterInterceptor {

        static byte[] change(byte[] bytes) {
            byte[] changed = Arrays.copyOf(bytes, bytes.length);
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] >= '0' && changed[i] < '9') {
                    changed[i]++;
                }
            }
            return changed;
        }

        @Override
        public void aroundWriteTo(jakarta.ws.rs.ext.WriterInterceptorContext context) throws IOException {
            context.setOutputStream(new FilterOutputStream(context.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(change(new byte[] {(byte) b})[0]);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(change(Arrays.copyOfRange(b, off, off + len)));
                }
            });
            context.proceed();
        }
    }
}
