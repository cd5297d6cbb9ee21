// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.support.Machine;
import dev.signet.benchmarks.support.PairedHarness;
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
 * SHA-256 of the same body) take turns in one JVM, through {@link PairedHarness}: one batch of each side,
 * about {@code --batch-ms} of thread CPU, back to back, the order alternating, every (preset, body) case in
 * every pair round, after a warm-up of all cases together (as a server that serves several presets would
 * compile them) until steady. The ratio per pair is measured / floor CPU time per operation; the summary is
 * the median and range over the pairs, with the wall-clock ratio and the bytes allocated per operation beside.
 *
 * <p>Options: {@code --pairs 11 --warmup-s 10 --warmup-max-s 60 --batch-ms 100 --warm-batch-ms 40 --presets all
 * --sizes 0,1024}.
 */
public final class PairedVerify {

    private PairedVerify() {
    }

    static volatile Object sink;

    /** One (preset, body size) case: both sides, ready to run. */
    static final class Case implements PairedHarness.PairedCase {
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
        @Override
        public void refresh() {
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
        @Override
        public double floor(int ops, double[] bytesPerOp) {
            long a0 = PairedHarness.allocated();
            long c0 = PairedHarness.cpu();
            long t0 = System.nanoTime();
            int acc = 0;
            for (int i = 0; i < ops; i++) {
                acc += mac.doFinal(signedStringBytes)[0];
                acc += sha256.digest(body)[0];
            }
            long t1 = System.nanoTime();
            bytesPerOp[1] = (PairedHarness.cpu() - c0) / (double) ops;
            bytesPerOp[0] = (PairedHarness.allocated() - a0) / (double) ops;
            sink = acc;
            return (t1 - t0) / (double) ops;
        }

        /** As {@link #floor}, for core verification; any refusal fails the run. */
        @Override
        public double measured(int ops, double[] bytesPerOp) {
            long a0 = PairedHarness.allocated();
            long c0 = PairedHarness.cpu();
            long t0 = System.nanoTime();
            Object last = null;
            for (int i = 0; i < ops; i++) {
                last = path.verify(request, body);
                if (!(last instanceof ApiKey)) {
                    throw new IllegalStateException(preset + " " + bodyBytes + " B refused: " + last);
                }
            }
            long t1 = System.nanoTime();
            bytesPerOp[1] = (PairedHarness.cpu() - c0) / (double) ops;
            bytesPerOp[0] = (PairedHarness.allocated() - a0) / (double) ops;
            sink = last;
            return (t1 - t0) / (double) ops;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "%-16s %5d B", preset, bodyBytes);
        }
    }

    public static void main(String[] args) throws Exception {
        PairedHarness.Settings settings = PairedHarness.Settings.from(args, 11, 10);
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
        System.out.printf(Locale.ROOT, "PairedVerify: %d cases, %d pairs, batch about %d ms of CPU per side%n", cases.size(),
                settings.pairs(), settings.batchMs());
        List<PairedHarness.Measured> results = PairedHarness.run(cases, settings, "core verify", System.out);
        System.out.printf(Locale.ROOT, "SUMMARY median [min-max] over %d pairs, thread CPU ns/op (wall-clock ratio beside it);"
                + " target core/floor <= 2.0, verdict on the median CPU ratio%n", settings.pairs());
        System.out.println("| preset | body | raw floor ns/op | core verify ns/op | core / floor (CPU) | core / floor (wall) | B/op floor / core | verdict |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            System.out.printf(Locale.ROOT, "| %s | %d B | %s%n", c.preset, c.bodyBytes, PairedHarness.row(results.get(i), 2.0));
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
