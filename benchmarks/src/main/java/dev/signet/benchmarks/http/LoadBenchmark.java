// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.http;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.server.ChildJvm;
import dev.signet.benchmarks.server.ServerMain;
import dev.signet.benchmarks.support.Latencies;
import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;
import dev.signet.benchmarks.support.Spread;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Section 3: requests/s and latency of the same resource unsigned and under {@code @SignedRequired}
 * (canonical-nonce, so the replay cache is in the path), over keep-alive HTTP/1.1 on loopback.
 *
 * <p>The server runs in a child JVM (own heap and GC); the generator is this JVM: the JDK HttpClient,
 * HTTP/1.1 (its h2c upgrade stalls Grizzly), N threads each sending synchronously in a loop. Signatures
 * are precomputed before each phase with core's signer, the code the client filter uses, so signing is
 * not on the generator's clock; every signed request has its own nonce. Unsigned and signed phases
 * alternate (A B B A ...) in the same run, and the README quotes medians over rounds.
 *
 * <p>Options: {@code --threads N --rounds R --warmup S --seconds S --sizes 0,1024 --server-opts "..."}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = intOption(args, "--threads", 32);
        int rounds = intOption(args, "--rounds", 4);
        int warmup = intOption(args, "--warmup", 2);
        int seconds = intOption(args, "--seconds", 5);
        String sizes = stringOption(args, "--sizes", "0,1024");
        // Extra server JVM options, space-separated: e.g. a JFR recording to profile the server under load.
        // No default rate ceiling: a load benchmark sends far more than a key's budget on purpose.
        List<String> serverOptions = new ArrayList<>(List.of("-Xms512m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-Dsignet.rate-limit.default-per-minute=0"));
        for (String o : stringOption(args, "--server-opts", "").split(" ", -1)) {
            if (!o.isBlank()) {
                serverOptions.add(o);
            }
        }

        try (ChildJvm server = ChildJvm.start(ServerMain.class.getName(),
                serverOptions, ServerMain.READY, Path.of("target", "load-server.log"))) {
            URI base = URI.create(server.readyLine().substring(ServerMain.READY.length()).trim());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            System.out.printf(Locale.ROOT, "server pid %d at %s; %d threads, %d rounds, %d s warm-up + %d s measured%n",
                    server.pid(), base, threads, rounds, warmup, seconds);

            for (String sizeText : sizes.split(",", 0)) {
                int size = Integer.parseInt(sizeText.trim());
                List<Double> plainRps = new ArrayList<>();
                List<Double> signedRps = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> plainP50 = new ArrayList<>();
                List<Double> plainP99 = new ArrayList<>();
                List<Double> signedP50 = new ArrayList<>();
                List<Double> signedP99 = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    // A B, then B A: a drift in the machine's load hits both sides alike.
                    boolean signedFirst = round % 2 == 1;
                    Phase first = run(client, pool, base, size, signedFirst, threads, warmup, seconds);
                    Phase second = run(client, pool, base, size, !signedFirst, threads, warmup, seconds);
                    Phase plain = signedFirst ? second : first;
                    Phase signed = signedFirst ? first : second;
                    plainRps.add(plain.rps);
                    signedRps.add(signed.rps);
                    ratios.add(signed.rps / plain.rps);
                    plainP50.add(plain.p50);
                    plainP99.add(plain.p99);
                    signedP50.add(signed.p50);
                    signedP99.add(signed.p99);
                    System.out.printf(Locale.ROOT, "body %d B round %d: unsigned %s | signed %s | ratio %.3f%n",
                            size, round + 1, plain, signed, signed.rps / plain.rps);
                }
                System.out.printf(Locale.ROOT, "SUMMARY body %d B, %d threads, median [min-max] over %d rounds:%n", size, threads, rounds);
                System.out.printf(Locale.ROOT, "  unsigned req/s %s, p50 us %s, p99 us %s%n", Spread.format(plainRps, "%.0f"),
                        Spread.format(plainP50, "%.0f"), Spread.format(plainP99, "%.0f"));
                System.out.printf(Locale.ROOT, "  signed   req/s %s, p50 us %s, p99 us %s%n", Spread.format(signedRps, "%.0f"),
                        Spread.format(signedP50, "%.0f"), Spread.format(signedP99, "%.0f"));
                System.out.printf(Locale.ROOT, "  signed/unsigned throughput %s%n", Spread.format(ratios, "%.3f"));
            }
            pool.shutdownNow();
        }
    }

    record Phase(double rps, double p50, double p99, long errors) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s p50 %.0f us p99 %.0f us errors %d", rps, p50, p99, errors);
        }
    }

    private static Phase run(HttpClient client, ExecutorService pool, URI base, int size, boolean signed,
            int threads, int warmup, int seconds) throws Exception {
        byte[] body = Fixtures.body(size);
        URI uri = URI.create(base + (signed ? "/bench/signed" : "/bench/plain"));
        HttpRequest[] requests = signed ? signedRequests(uri, body, 250_000) : new HttpRequest[] {request(uri, body).build()};
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Future<Latencies>> workers = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong wrapped = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                long now;
                while ((now = System.nanoTime()) < end) {
                    long i = next.getAndIncrement();
                    if (i >= requests.length && requests.length > 1) {
                        wrapped.incrementAndGet(); // would be a replay: counted, and its 401 counted as an error
                    }
                    HttpResponse<Void> response = client.send(requests[(int) (i % requests.length)],
                            HttpResponse.BodyHandlers.discarding());
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        latencies.record(done - now);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Latencies> all = new ArrayList<>();
        for (Future<Latencies> w : workers) {
            all.add(w.get());
        }
        long[] sorted = Latencies.merged(all);
        if (wrapped.get() > 0) {
            System.out.println("WARNING: ran out of precomputed signed requests (" + wrapped.get() + " reused)");
        }
        return new Phase(sorted.length / (double) seconds, Latencies.percentileMicros(sorted, 50),
                Latencies.percentileMicros(sorted, 99), errors.get());
    }

    private static HttpRequest[] signedRequests(URI uri, byte[] body, int count) {
        RequestSigner signer = RequestSigner.of(Presets.CANONICAL_NONCE);
        String method = body.length == 0 ? "GET" : "POST";
        CanonicalRequest toSign = new CanonicalRequest(method, uri.getRawPath(), BodyHash.of(body));
        HttpRequest[] requests = new HttpRequest[count];
        for (int i = 0; i < count; i++) {
            HttpRequest.Builder builder = request(uri, body);
            signer.sign(toSign, Fixtures.KEY.id(), Fixtures.KEY.signingSecret()).headers().forEach(builder::header);
            requests[i] = builder.build();
        }
        return requests;
    }

    private static HttpRequest.Builder request(URI uri, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (body.length == 0) {
            return builder.GET();
        }
        return builder.header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
