// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.http;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.server.ChildJvm;
import dev.signet.benchmarks.server.ServerMain;
import dev.signet.benchmarks.support.Latencies;
import dev.signet.benchmarks.support.Machine;
import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;
import dev.signet.benchmarks.support.Spread;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
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
 * <p>The server runs in a child JVM (own heap and GC), started through {@code taskset -c <--server-cpus>} so
 * it has a CPU of its own; the generator is this JVM, which the command line pins to the other CPU
 * ({@code taskset -c 0 java ...}); both affinities are read back from {@code /proc} and printed. The generator
 * is the JDK HttpClient, HTTP/1.1 (its h2c upgrade stalls Grizzly), N threads each sending synchronously in a
 * loop. Signatures are precomputed before each window with core's signer, the code the client filter uses, so
 * signing is not on the generator's clock; every signed request has its own nonce.
 *
 * <p>Warm-up rule: unsigned and signed 5 s windows alternate until each side's last 3 windows are within 5%
 * of each other (max/min <= 1.05), at least 3 windows per side and at most {@code --warmup-max-s}; then
 * {@code --rounds} measured rounds, unsigned and signed alternating A B / B A, each a 1 s lead-in and a
 * {@code --seconds} window. Beside requests/s the server's CPU time per window is read from
 * {@code /proc/<pid>/stat}: its CPU per request (signed over unsigned) is the filter's cost even when the
 * server is not the bottleneck, and its CPU use (CPU seconds per second) says whether it was.
 *
 * <p>Options: {@code --threads N --rounds R --seconds S --window-s 5 --warmup-max-s 120 --sizes 0,1024
 * --server-cpus 1 --scheme canonical-nonce|rfc9421 --server-opts "..."}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = intOption(args, "--threads", 16);
        int rounds = intOption(args, "--rounds", 8);
        int seconds = intOption(args, "--seconds", 5);
        int windowSeconds = intOption(args, "--window-s", 5);
        int warmupMaxSeconds = intOption(args, "--warmup-max-s", 120);
        String sizes = stringOption(args, "--sizes", "0,1024");
        // canonical-nonce (its nonce puts the replay cache in the path) or rfc9421 (hmac-sha256, created + nonce)
        String scheme = stringOption(args, "--scheme", "canonical-nonce");
        if (!scheme.equals("canonical-nonce") && !scheme.equals("rfc9421")) {
            throw new IllegalArgumentException("--scheme canonical-nonce or rfc9421");
        }
        String serverCpus = stringOption(args, "--server-cpus", "1");
        // Extra server JVM options, space-separated: e.g. a JFR recording to profile the server under load.
        // No default rate ceiling: a load benchmark sends far more than a key's budget on purpose.
        List<String> serverOptions = new ArrayList<>(List.of("-Xms512m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true",
                "-Dsignet.rate-limit.default-per-minute=0"));
        for (String o : stringOption(args, "--server-opts", "").split(" ", -1)) {
            if (!o.isBlank()) {
                serverOptions.add(o);
            }
        }
        List<String> prefix = serverCpus.isBlank() ? List.of() : List.of("taskset", "-c", serverCpus);

        System.out.println(Machine.describe());
        try (ChildJvm server = ChildJvm.start(prefix, ServerMain.class.getName(),
                serverOptions, ServerMain.READY, Path.of("target", "load-server.log"))) {
            URI base = URI.create(server.readyLine().substring(ServerMain.READY.length()).trim());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            System.out.printf(Locale.ROOT, "server pid %d at %s, CPUs allowed %s; generator pid %d, CPUs allowed %s%n",
                    server.pid(), base, cpusAllowed(server.pid()), ProcessHandle.current().pid(), cpusAllowed(ProcessHandle.current().pid()));
            System.out.printf(Locale.ROOT, "signed side: %s%n", scheme.equals("rfc9421")
                    ? "rfc9421, hmac-sha256 over @method @target-uri (+ content-digest sha-256 with a body), created, keyid, nonce"
                    : "canonical-nonce");
            System.out.printf(Locale.ROOT, "%d threads; warm-up: %d s windows alternating until each side's last 3 are within 5%%"
                    + " (at least 3 per side, at most %d s); then %d rounds A B / B A, each side 1 s lead-in + %d s measured%n",
                    threads, windowSeconds, warmupMaxSeconds, rounds, seconds);

            for (String sizeText : sizes.split(",", 0)) {
                int size = Integer.parseInt(sizeText.trim());
                System.out.println("load before size " + size + ": " + Machine.loadAverage());
                double[] lastRps = {2000, 2000};
                // Warm-up until steady.
                List<Double> warmPlain = new ArrayList<>();
                List<Double> warmSigned = new ArrayList<>();
                long warmStart = System.nanoTime();
                boolean steady = false;
                int window = 0;
                while ((System.nanoTime() - warmStart) / 1e9 < warmupMaxSeconds) {
                    window++;
                    Phase plain = run(client, pool, base, scheme, size, false, threads, 0, windowSeconds, server.pid(), lastRps);
                    Phase signed = run(client, pool, base, scheme, size, true, threads, 0, windowSeconds, server.pid(), lastRps);
                    warmPlain.add(plain.rps);
                    warmSigned.add(signed.rps);
                    System.out.printf(Locale.ROOT, "body %d B warm-up window %d: unsigned %s | signed %s%n", size, window, plain, signed);
                    if (withinLast3(warmPlain) && withinLast3(warmSigned)) {
                        steady = true;
                        break;
                    }
                }
                System.out.printf(Locale.ROOT, "body %d B warm-up: %s after %.0f s%n", size, steady ? "STEADY" : "NOT STEADY (cap reached)",
                        (System.nanoTime() - warmStart) / 1e9);

                List<Double> plainRps = new ArrayList<>();
                List<Double> signedRps = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> cpuRatios = new ArrayList<>();
                List<Double> plainCpuUs = new ArrayList<>();
                List<Double> signedCpuUs = new ArrayList<>();
                List<Double> plainUse = new ArrayList<>();
                List<Double> signedUse = new ArrayList<>();
                List<Double> plainP50 = new ArrayList<>();
                List<Double> plainP99 = new ArrayList<>();
                List<Double> signedP50 = new ArrayList<>();
                List<Double> signedP99 = new ArrayList<>();
                long errors = 0;
                for (int round = 0; round < rounds; round++) {
                    // A B, then B A: a drift in the machine's load hits both sides alike.
                    boolean signedFirst = round % 2 == 1;
                    Phase first = run(client, pool, base, scheme, size, signedFirst, threads, 1, seconds, server.pid(), lastRps);
                    Phase second = run(client, pool, base, scheme, size, !signedFirst, threads, 1, seconds, server.pid(), lastRps);
                    Phase plain = signedFirst ? second : first;
                    Phase signed = signedFirst ? first : second;
                    errors += plain.errors + signed.errors;
                    plainRps.add(plain.rps);
                    signedRps.add(signed.rps);
                    ratios.add(signed.rps / plain.rps);
                    cpuRatios.add(signed.cpuUsPerRequest / plain.cpuUsPerRequest);
                    plainCpuUs.add(plain.cpuUsPerRequest);
                    signedCpuUs.add(signed.cpuUsPerRequest);
                    plainUse.add(plain.serverCpuUse);
                    signedUse.add(signed.serverCpuUse);
                    plainP50.add(plain.p50);
                    plainP99.add(plain.p99);
                    signedP50.add(signed.p50);
                    signedP99.add(signed.p99);
                    System.out.printf(Locale.ROOT, "body %d B round %d (%s): unsigned %s | signed %s | ratio req/s %.3f, server CPU/request %.3f%n",
                            size, round + 1, signedFirst ? "signed first" : "unsigned first", plain, signed, signed.rps / plain.rps,
                            signed.cpuUsPerRequest / plain.cpuUsPerRequest);
                }
                System.out.println("load after size " + size + ": " + Machine.loadAverage());
                System.out.printf(Locale.ROOT, "SUMMARY body %d B, %d threads, median [min-max] over %d rounds, errors %d%s:%n", size, threads, rounds,
                        errors, errors == 0 ? "" : " (INVALID: a refused request is not a measurement)");
                System.out.printf(Locale.ROOT, "  unsigned req/s %s, p50 us %s, p99 us %s, server CPU us/request %s, server CPU use %s%n",
                        Spread.format(plainRps, "%.0f"), Spread.format(plainP50, "%.0f"), Spread.format(plainP99, "%.0f"),
                        Spread.format(plainCpuUs, "%.1f"), Spread.format(plainUse, "%.2f"));
                System.out.printf(Locale.ROOT, "  signed   req/s %s, p50 us %s, p99 us %s, server CPU us/request %s, server CPU use %s%n",
                        Spread.format(signedRps, "%.0f"), Spread.format(signedP50, "%.0f"), Spread.format(signedP99, "%.0f"),
                        Spread.format(signedCpuUs, "%.1f"), Spread.format(signedUse, "%.2f"));
                System.out.printf(Locale.ROOT, "  signed/unsigned throughput %s (target >= 0.95: %s); server CPU per request signed/unsigned %s%n",
                        Spread.format(ratios, "%.3f"), Spread.median(ratios) >= 0.95 ? "met" : "missed", Spread.format(cpuRatios, "%.3f"));
            }
            pool.shutdownNow();
        }
    }

    private static boolean withinLast3(List<Double> values) {
        int n = values.size();
        if (n < 3) {
            return false;
        }
        List<Double> last = values.subList(n - 3, n);
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return min > 0 && max / min <= 1.05;
    }

    /** The {@code Cpus_allowed_list} of a process, from {@code /proc}. */
    static String cpusAllowed(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
        } catch (IOException e) {
            return "n/a";
        }
        return "n/a";
    }

    /** User + system CPU seconds of a process so far, from {@code /proc/<pid>/stat} (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 0);
            // After the command: field 3 is f[0]; utime is field 14, stime field 15.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    record Phase(double rps, double p50, double p99, long errors, double cpuUsPerRequest, double serverCpuUse) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s p50 %.0f us p99 %.0f us errors %d server %.1f CPU us/request, %.2f CPU s/s",
                    rps, p50, p99, errors, cpuUsPerRequest, serverCpuUse);
        }
    }

    private static Phase run(HttpClient client, ExecutorService pool, URI base, String scheme, int size, boolean signed,
            int threads, int leadSeconds, int seconds, long serverPid, double[] lastRps) throws Exception {
        byte[] body = Fixtures.body(size);
        boolean rfc9421 = scheme.equals("rfc9421");
        URI uri = URI.create(base + (!signed ? "/bench/plain" : rfc9421 ? "/bench/signed-rfc9421" : "/bench/signed"));
        int kind = signed ? 1 : 0;
        // Enough distinct signed requests for 3x the faster side's last rate over the whole phase (each nonce is
        // accepted once; a first run that sized this on the signed side's own rate ran out when it sped up).
        int needed = (int) Math.max(20_000, 3 * Math.max(lastRps[0], lastRps[1]) * (leadSeconds + seconds));
        HttpRequest[] requests = !signed ? new HttpRequest[] {request(uri, body).build()}
                : rfc9421 ? rfc9421Requests(uri, body, needed) : signedRequests(uri, body, needed);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + leadSeconds * 1_000_000_000L;
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
        // The server's CPU clock, read at the start and the end of the measured window.
        long sleepNanos = measureFrom - System.nanoTime();
        if (sleepNanos > 0) {
            Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
        }
        double cpuStart = cpuSeconds(serverPid);
        long cpuStartWall = System.nanoTime();
        long untilEnd = end - System.nanoTime();
        if (untilEnd > 0) {
            Thread.sleep(untilEnd / 1_000_000, (int) (untilEnd % 1_000_000));
        }
        double cpuEnd = cpuSeconds(serverPid);
        double cpuWall = (System.nanoTime() - cpuStartWall) / 1e9;
        List<Latencies> all = new ArrayList<>();
        for (Future<Latencies> w : workers) {
            all.add(w.get());
        }
        long[] sorted = Latencies.merged(all);
        if (wrapped.get() > 0) {
            System.out.println("WARNING: ran out of precomputed signed requests (" + wrapped.get() + " reused)");
        }
        double rps = sorted.length / (double) seconds;
        lastRps[kind] = rps;
        double cpu = cpuEnd - cpuStart;
        return new Phase(rps, Latencies.percentileMicros(sorted, 50), Latencies.percentileMicros(sorted, 99), errors.get(),
                cpu / (rps * cpuWall) * 1e6, cpu / cpuWall);
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

    /** As the client's {@code HttpSignatureFeature} signs them by default, each with its own nonce. */
    private static HttpRequest[] rfc9421Requests(URI uri, byte[] body, int count) {
        Rfc9421Signer signer = Rfc9421Signer.builder(Fixtures.KEY.id(), SigningKey.hmac(Fixtures.KEY.signingSecret().keyBytes()))
                .build();
        String method = body.length == 0 ? "GET" : "POST";
        Map<DigestAlgorithm, byte[]> digests = null;
        if (body.length > 0) {
            ContentDigest.Hasher hasher = new ContentDigest.Hasher(EnumSet.of(signer.digestAlgorithm()));
            hasher.update(body, 0, body.length);
            digests = hasher.finish();
        }
        HttpRequest[] requests = new HttpRequest[count];
        for (int i = 0; i < count; i++) {
            HttpRequest.Builder builder = request(uri, body);
            signer.sign(method, uri.toString(), name -> List.of(), digests, Instant.now(), UUID.randomUUID().toString())
                    .headers().forEach(builder::header);
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
