// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import dev.signet.benchmarks.Fixtures;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.ComponentValues;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.provider.replay.InfinispanNonceStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Section 1: sign, verify (core only, and with the local Infinispan replay cache) and the raw crypto floor
 * (one {@code Mac.doFinal} over the same signed string plus one SHA-256 of the same body), per preset and
 * body size, all in the same run so the ratios are what counts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class SignVerifyBenchmark {

    @Param({"timestamp-secret", "json-payload", "canonical", "canonical-nonce"})
    public String preset;

    @Param({"0", "1024"})
    public int bodyBytes;

    static final String BASE_PATH = "/ctx/api/items/";

    Scheme scheme;
    ApiKey key;
    byte[] body;
    String method;
    RequestSigner signer;
    VerificationPath coreOnly;
    ReceivedRequest oneRequest;
    long refusals;

    // The raw floor: a MAC already keyed and a digest already created, over bytes already encoded.
    Mac mac;
    MessageDigest sha256;
    byte[] signedStringBytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        scheme = Fixtures.preset(preset);
        key = Fixtures.KEY;
        body = Fixtures.body(bodyBytes);
        method = bodyBytes == 0 ? "GET" : "POST";
        signer = RequestSigner.of(scheme);
        coreOnly = new VerificationPath(scheme, Fixtures.keys(), null, Duration.ofSeconds(5));

        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.signingSecret().keyBytes(), "HmacSHA256"));
        sha256 = MessageDigest.getInstance("SHA-256");
        SignedHeaders headers = sign(BASE_PATH + 0);
        // The very string the verifier MACs for this request, rendered the verifier's way.
        String nonce = scheme.headers().hasNonce() ? headers.get(scheme.headers().nonce()) : null;
        signedStringBytes = scheme.recipe().render(new ComponentValues(method, BASE_PATH + 0, "",
                headers.get(scheme.headers().timestamp()), nonce, BodyHash.of(body).hex(), key.id(),
                key.signingSecret())).getBytes(StandardCharsets.UTF_8);
    }

    @Setup(Level.Iteration)
    public void freshRequest() {
        // Re-signed every iteration: canonical's window is 30 s, a trial is longer.
        oneRequest = received(BASE_PATH + 0, sign(BASE_PATH + 0));
    }

    @TearDown(Level.Iteration)
    public void checkNothingRefused() {
        if (refusals > 0) {
            throw new IllegalStateException(refusals + " verifications were refused: the figure is not a verification");
        }
    }

    SignedHeaders sign(String path) {
        return signer.sign(new CanonicalRequest(method, path, BodyHash.of(body)), key.id(), key.signingSecret());
    }

    ReceivedRequest received(String path, SignedHeaders headers) {
        return new ReceivedRequest(method, path, HeaderSource.of(headers.headers()));
    }

    /** Client side: hash the body, build the signed string, MAC it, encode the headers. */
    @Benchmark
    public SignedHeaders sign() {
        return signer.sign(new CanonicalRequest(method, BASE_PATH + 0, BodyHash.of(body)), key.id(), key.signingSecret());
    }

    /** Server side without the replay cache: the same request again and again is fine here. */
    @Benchmark
    public Object verifyCore() {
        Object result = coreOnly.verify(oneRequest, body);
        if (!(result instanceof ApiKey)) {
            refusals++;
        }
        return result;
    }

    /** Server side with the local Infinispan replay cache: every invocation verifies a never-seen request. */
    @Benchmark
    public Object verifyWithReplayCache(FreshRequests fresh) {
        Object result = fresh.path.verify(fresh.next(), body);
        if (!(result instanceof ApiKey)) {
            refusals++;
        }
        return result;
    }

    /** The floor: what the crypto alone costs for the same string and body. */
    @Benchmark
    public void rawFloor(Blackhole bh) {
        bh.consume(mac.doFinal(signedStringBytes));
        bh.consume(sha256.digest(body));
    }

    /**
     * A pool of distinct signed requests (distinct path, and a fresh timestamp and nonce), signed before each
     * iteration and verified once each against a fresh local cache. The pool is larger than one 1 s
     * iteration can consume; running out would make requests replays, which the iteration teardown reports.
     */
    @State(Scope.Thread)
    public static class FreshRequests {
        static final int POOL = 600_000;

        ReceivedRequest[] requests;
        int next;
        InfinispanNonceStore store;
        VerificationPath path;

        @Setup(Level.Iteration)
        public void signPool(SignVerifyBenchmark b) {
            if (requests == null) {
                requests = new ReceivedRequest[POOL];
            }
            for (int i = 0; i < POOL; i++) {
                String p = BASE_PATH + i;
                requests[i] = b.received(p, b.sign(p));
            }
            next = 0;
            store = InfinispanNonceStore.local();
            path = new VerificationPath(b.scheme, Fixtures.keys(), store, Duration.ofSeconds(5));
        }

        ReceivedRequest next() {
            ReceivedRequest r = requests[next];
            next = next + 1 == POOL ? 0 : next + 1;
            return r;
        }

        @TearDown(Level.Iteration)
        public void closeStore() {
            store.close();
        }
    }
}
