// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.body;

import dev.signet.benchmarks.Fixtures;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.provider.internal.body.BodyReader;
import dev.signet.provider.internal.body.CapturedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
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
 * Section 2: a body through the server's body path ({@link BodyReader}: hash while reading, keep up to the
 * spool threshold in memory, spool the rest to a temp file, delete it on close) beside raw
 * {@code MessageDigest} SHA-256 over the same bytes. Throughput in ops/s; MB/s = ops/s x size.
 * {@code streamHashOnly} reads the same stream in the same 64 KiB chunks but keeps nothing: the gap between
 * it and {@code bodyReader} is what spooling costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BodyHashingBenchmark {

    @Param({"1024", "1048576", "67108864"})
    public int size;

    /** The provider's defaults except the maximum, raised so 64 MiB is accepted (as the upload benchmark does). */
    @Param({"65536"})
    public int spoolThreshold;

    byte[] bytes;
    BodyReader reader;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Fixtures.body(size);
        reader = new BodyReader(2L * 1024 * 1024 * 1024, spoolThreshold, Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Benchmark
    @SuppressWarnings("try") // body is opened to be kept and closed, as the server does; the hash is the result
    public BodyHash bodyReader() throws IOException {
        // The server's body path: the scheme's hash is the sink the bytes pass through while they are kept.
        BodyHash.Hasher hasher = BodyHash.hasher();
        try (CapturedBody body = reader.read(new ByteArrayInputStream(bytes), bytes.length, hasher::update).orElseThrow()) {
            return hasher.finish();
        }
    }

    @Benchmark
    public BodyHash streamHashOnly() throws IOException {
        BodyHash.Hasher hasher = BodyHash.hasher();
        InputStream in = new ByteArrayInputStream(bytes);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            hasher.update(buffer, 0, n);
        }
        return hasher.finish();
    }

    @Benchmark
    public byte[] rawDigest() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
