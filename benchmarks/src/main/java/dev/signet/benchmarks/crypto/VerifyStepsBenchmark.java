// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import dev.signet.benchmarks.Fixtures;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.crypto.HmacSha256;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.ComponentValues;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.VerificationPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

/**
 * Where core verification spends its time beyond the raw floor, one step at a time, for the README's
 * explanation of section 1 (run it with {@code -prof gc} for the allocations). {@code macKeyedPerCall}
 * is what {@code HmacSha256.mac} does on every call ({@code Mac.getInstance} + {@code init} + doFinal);
 * {@code macPrototypeClone} is the alternative of cloning a Mac keyed once per key.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@State(Scope.Thread)
public class VerifyStepsBenchmark {

    @Param({"canonical-nonce"})
    public String preset;

    @Param({"0", "1024"})
    public int bodyBytes;

    Scheme scheme;
    ApiKey key;
    byte[] body;
    VerificationPipeline pipeline;
    ReceivedRequest request;
    ComponentValues values;
    String signedString;
    Mac keyedOnce;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
        scheme = Fixtures.preset(preset);
        key = Fixtures.KEY;
        body = Fixtures.body(bodyBytes);
        String method = bodyBytes == 0 ? "GET" : "POST";
        String path = "/ctx/api/items/0";
        SignedHeaders headers = RequestSigner.of(scheme)
                .sign(new CanonicalRequest(method, path, BodyHash.of(body)), key.id(), key.signingSecret());
        pipeline = VerificationPipeline.offline(scheme, Clock.systemUTC(), Fixtures.keys()::find);
        request = new ReceivedRequest(method, path, HeaderSource.of(headers.headers()));
        String nonce = scheme.headers().hasNonce() ? headers.get(scheme.headers().nonce()) : null;
        values = new ComponentValues(method, path, "", headers.get(scheme.headers().timestamp()), nonce,
                BodyHash.of(body).hex(), key.id(), key.signingSecret());
        signedString = scheme.recipe().render(values);
        keyedOnce = Mac.getInstance("HmacSHA256");
        keyedOnce.init(new SecretKeySpec(key.signingSecret().keyBytes(), "HmacSHA256"));
    }

    @Benchmark
    public Object readCredentials() {
        return pipeline.readCredentials(request);
    }

    @Benchmark
    public Object renderSignedString() {
        return scheme.recipe().render(values);
    }

    @Benchmark
    public BodyHash bodyHash() {
        return BodyHash.of(body);
    }

    @Benchmark
    public byte[] macKeyedPerCall() {
        return HmacSha256.mac(key.signingSecret().keyBytes(), signedString);
    }

    @Benchmark
    public byte[] macPrototypeClone() throws CloneNotSupportedException {
        return ((Mac) keyedOnce.clone()).doFinal(signedString.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public byte[] macPreKeyed() {
        return keyedOnce.doFinal(signedString.getBytes(StandardCharsets.UTF_8));
    }
}
