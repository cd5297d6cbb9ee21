// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.support.Machine;
import dev.signet.benchmarks.support.Spread;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.signing.SignedHeaders;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.ComponentValues;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Section 1's verdict, paired in time: core verification ({@link VerificationPath} without a replay cache:
 * credentials, key, status, window, SHA-256 of the body, MAC, constant-time compare) and the raw floor (one
 * {@code Mac.doFinal} on a Mac keyed once, over the very signed string's bytes, plus one {@code MessageDigest}
 * SHA-256 of the same body) take turns in one JVM. Each <em>pair</em> is one batch of each side, about
 * {@code --batch-ms} long, back to back, the order alternating (floor first, then measured first), so both
 * halves of a ratio share the same fraction of a second of a shared machine; every (preset, body) case runs
 * in every pair round, so all cases see the same minutes. The ratio per pair is measured / floor time per
 * operation; the summary is the median and range over the pairs.
 *
 * <p>Time is the measuring thread's CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}), so the minutes a
 * neighbour's build holds the CPU are not counted on either side; wall-clock ratios are printed beside it.
 * All cases warm up together first, as a server that serves several presets would compile them, until steady
 * (the rule is printed). Allocation per operation comes from the thread's allocated-bytes counter.
 *
 * <p>Options: {@code --pairs 11 --warmup-s 10 --warmup-max-s 60 --batch-ms 100 --presets all --sizes 0,1024}.
 */
public final class PairedVerify {

    private PairedVerify() {
    }

    static volatile Object sink;

    /** One (preset, body size) case: both sides, ready to run. */
    static final class Case {
        final String preset;
        final int bodyBytes;
        final Scheme scheme;
        final byte[] body;
        final String method;
        final RequestSigner signer;
        final VerificationPath path;
        final Mac mac;
        final MessageDigest sha256;
        byte[] signedStringBytes;
        ReceivedRequest request;
        int floorOps = 1000;
        int measuredOps = 1000;
        final List<Double> floorNs = new ArrayList<>();
        final List<Double> measuredNs = new ArrayList<>();
        final List<Double> ratios = new ArrayList<>();
        final List<Double> floorWall = new ArrayList<>();
        final List<Double> measuredWall = new ArrayList<>();
        final List<Double> wallRatios = new ArrayList<>();
        final List<Double> floorBytes = new ArrayList<>();
        final List<Double> measuredBytes = new ArrayList<>();

        Case(Scheme scheme, int bodyBytes) throws Exception {
            this.preset = scheme.name();
            this.bodyBytes = bodyBytes;
            this.scheme = scheme;
            this.body = Fixtures.body(bodyBytes);
            this.method = bodyBytes == 0 ? "GET" : "POST";
            this.signer = RequestSigner.of(scheme);
            this.path = new VerificationPath(scheme, Fixtures.keys(), null, Duration.ofSeconds(5));
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Fixtures.KEY.signingSecret().keyBytes(), "HmacSHA256"));
            this.sha256 = MessageDigest.getInstance("SHA-256");
            refresh();
        }

        /** A freshly signed request (the windows are 30 s and more; a run is longer), and its signed string. */
        void refresh() {
            String p = SignVerifyBenchmark.BASE_PATH + 0;
            SignedHeaders headers = signer.sign(new CanonicalRequest(method, p, BodyHash.of(body)), Fixtures.KEY.id(),
                    Fixtures.KEY.signingSecret());
            request = new ReceivedRequest(method, p, HeaderSource.of(headers.headers()));
            String nonce = scheme.headers().hasNonce() ? headers.get(scheme.headers().nonce()) : null;
            signedStringBytes = scheme.recipe().render(new ComponentValues(method, p, "",
                    headers.get(scheme.headers().timestamp()), nonce, BodyHash.of(body).hex(), Fixtures.KEY.id(),
                    Fixtures.KEY.signingSecret())).getBytes(StandardCharsets.UTF_8);
        }

        /** Wall nanoseconds per floor operation; {@code out[0]} bytes allocated and {@code out[1]} CPU ns per operation. */
        double floor(int ops, double[] bytesPerOp) {
            long a0 = allocated();
            long c0 = cpu();
            long t0 = System.nanoTime();
            int acc = 0;
            for (int i = 0; i < ops; i++) {
                acc += mac.doFinal(signedStringBytes)[0];
                acc += sha256.digest(body)[0];
            }
            long t1 = System.nanoTime();
            bytesPerOp[1] = (cpu() - c0) / (double) ops;
            bytesPerOp[0] = (allocated() - a0) / (double) ops;
            sink = acc;
            return (t1 - t0) / (double) ops;
        }

        /** As {@link #floor}, for core verification; any refusal fails the run. */
        double measured(int ops, double[] bytesPerOp) {
            long a0 = allocated();
            long c0 = cpu();
            long t0 = System.nanoTime();
            Object last = null;
            for (int i = 0; i < ops; i++) {
                last = path.verify(request, body);
                if (!(last instanceof ApiKey)) {
                    throw new IllegalStateException(preset + " " + bodyBytes + " B refused: " + last);
                }
            }
            long t1 = System.nanoTime();
            bytesPerOp[1] = (cpu() - c0) / (double) ops;
            bytesPerOp[0] = (allocated() - a0) / (double) ops;
            sink = last;
            return (t1 - t0) / (double) ops;
        }

        String label() {
            return String.format(Locale.ROOT, "%-16s %5d B", preset, bodyBytes);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** This thread's CPU time: what it ran, not the time the neighbours' builds held the CPU. */
    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int pairs = intOption(args, "--pairs", 11);
        int warmupSeconds = intOption(args, "--warmup-s", 10);
        int warmupMaxSeconds = intOption(args, "--warmup-max-s", 60);
        int batchMs = intOption(args, "--batch-ms", 100);
        String presets = stringOption(args, "--presets", "all");
        String sizes = stringOption(args, "--sizes", "0,1024");

        List<Case> cases = new ArrayList<>();
        for (int size : parse(sizes)) {
            for (Scheme scheme : Presets.all()) {
                if (presets.equals("all") || List.of(presets.split(",", 0)).contains(scheme.name())) {
                    cases.add(new Case(scheme, size));
                }
            }
        }
        System.out.println(Machine.describe());
        System.out.printf(Locale.ROOT, "PairedVerify: %d cases, %d pairs, batch about %d ms of CPU per side%n", cases.size(), pairs, batchMs);
        System.out.printf(Locale.ROOT, "warm-up rule: all cases round robin, at least %d s, until, for every case, the median of its last 3"
                + " core-verify batches (CPU ns/op, 10 000 ops each) is within 5%% of the median of the 3 before, at most %d s%n", warmupSeconds, warmupMaxSeconds);
        System.out.println("load before: " + Machine.loadAverage());

        double[] out = new double[2];
        // Warm-up: every case, both sides, round robin, until steady (the rule above) or the cap.
        long warmStart = System.nanoTime();
        long warmMin = warmStart + warmupSeconds * 1_000_000_000L;
        long warmMax = warmStart + warmupMaxSeconds * 1_000_000_000L;
        List<List<Double>> recent = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            recent.add(new ArrayList<>());
        }
        int warmRounds = 0;
        boolean steady = false;
        while (System.nanoTime() < warmMax) {
            warmRounds++;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                c.refresh();
                c.floor(10_000, out);
                c.measured(10_000, out);
                recent.get(i).add(out[1]);
            }
            if (System.nanoTime() >= warmMin) {
                steady = true;
                for (List<Double> r : recent) {
                    int n = r.size();
                    if (n < 6) {
                        steady = false;
                        break;
                    }
                    double last = Spread.median(r.subList(n - 3, n));
                    double before = Spread.median(r.subList(n - 6, n - 3));
                    steady &= Math.abs(last / before - 1) <= 0.05;
                }
                if (steady) {
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %s after %.1f s, %d rounds; last core-verify CPU ns/op per case:", steady ? "STEADY" : "NOT STEADY (cap reached)",
                (System.nanoTime() - warmStart) / 1e9, warmRounds);
        for (List<Double> r : recent) {
            System.out.printf(Locale.ROOT, " %.0f", r.get(r.size() - 1));
        }
        System.out.println();
        // Calibrate each side to about batchMs of CPU.
        for (Case c : cases) {
            c.refresh();
            c.floor(5000, out);
            c.floorOps = Math.max(100, (int) (batchMs * 1e6 / out[1]));
            c.measured(5000, out);
            c.measuredOps = Math.max(100, (int) (batchMs * 1e6 / out[1]));
        }

        for (int pair = 0; pair < pairs; pair++) {
            boolean floorFirst = pair % 2 == 0;
            for (Case c : cases) {
                c.refresh(); // outside the timed batches
                double[] fo = new double[2];
                double[] mo = new double[2];
                double f;
                double m;
                if (floorFirst) {
                    f = c.floor(c.floorOps, fo);
                    m = c.measured(c.measuredOps, mo);
                } else {
                    m = c.measured(c.measuredOps, mo);
                    f = c.floor(c.floorOps, fo);
                }
                c.floorWall.add(f);
                c.measuredWall.add(m);
                c.wallRatios.add(m / f);
                c.floorNs.add(fo[1]);
                c.measuredNs.add(mo[1]);
                c.ratios.add(mo[1] / fo[1]);
                c.floorBytes.add(fo[0]);
                c.measuredBytes.add(mo[0]);
                System.out.printf(Locale.ROOT, "pair %2d %s %s | floor cpu %7.1f wall %7.1f ns/op %5.0f B/op | core verify cpu %7.1f wall %7.1f ns/op %5.0f B/op"
                        + " | ratio cpu %.3f wall %.3f%n", pair + 1, floorFirst ? "F>M" : "M>F", c.label(), fo[1], f, fo[0], mo[1], m, mo[0],
                        mo[1] / fo[1], m / f);
            }
        }
        System.out.println("load after: " + Machine.loadAverage());
        System.out.printf(Locale.ROOT, "SUMMARY median [min-max] over %d pairs, thread CPU ns/op (wall-clock ratio beside it);"
                + " target core/floor <= 2.0, verdict on the median CPU ratio%n", pairs);
        System.out.println("| preset | body | raw floor ns/op | core verify ns/op | core / floor (CPU) | core / floor (wall) | B/op floor / core | verdict |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            double ratio = Spread.median(c.ratios);
            System.out.printf(Locale.ROOT, "| %s | %d B | %s | %s | **%s** | %s | %.0f / %.0f | %s |%n", c.preset, c.bodyBytes,
                    Spread.format(c.floorNs, "%.0f"), Spread.format(c.measuredNs, "%.0f"), Spread.format(c.ratios, "%.2f"),
                    Spread.format(c.wallRatios, "%.2f"), Spread.median(c.floorBytes), Spread.median(c.measuredBytes),
                    ratio <= 2.0 ? "met" : "missed");
        }
        System.out.println("(rfc9421, each algorithm against the JDK's raw Signature.verify or Mac: PairedRfc9421Verify)");
    }

    static List<Integer> parse(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",", 0)) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
