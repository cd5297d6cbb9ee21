// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.upload;

import static dev.signet.benchmarks.support.Options.intOption;
import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.support.Machine;
import dev.signet.benchmarks.support.Spread;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.server.ChildJvm;
import dev.signet.benchmarks.server.ServerMain;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.security.MessageDigest;

/**
 * Section 4: a 1 GiB upload verified by a server limited to {@code -Xmx64m} (canonical preset, whose
 * signed string covers the body's SHA-256), beside the same upload to the same resource unsigned.
 *
 * <p>The server is a child JVM with {@code -Xmx64m} and {@code signet.max-body-bytes} of 2 GiB. The
 * client generates the body on the fly; to sign it, it first generates the identical stream once to
 * hash it (timed separately: that is the client's cost, not the server's). Both uploads carry a
 * Content-Length. The resource streams the body through SHA-256 and answers length and hash, which are
 * checked, so a figure is only printed for a body that arrived whole.
 *
 * <p>Options: {@code --mib 1024 --rounds 2 --spool-dir /dev/shm} (default spool: the server's {@code java.io.tmpdir}).
 */
public final class LargeUploadBenchmark {

    private LargeUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long length = intOption(args, "--mib", 1024) * 1024L * 1024L;
        int rounds = intOption(args, "--rounds", 2);
        long seed = 7;
        String spool = stringOption(args, "--spool-dir", "");
        List<String> serverOptions = new java.util.ArrayList<>(List.of("-Xmx64m", "-Dsignet.max-body-bytes=" + (2L * 1024 * 1024 * 1024),
                "-Djava.net.preferIPv4Stack=true"));
        if (!spool.isEmpty()) {
            serverOptions.add("-Dsignet.spool-directory=" + spool);
        }
        System.out.println("spool directory: " + (spool.isEmpty() ? "the default, java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + ")" : spool));
        try (ChildJvm server = ChildJvm.start(ServerMain.class.getName(), serverOptions,
                ServerMain.READY, Path.of("target", "upload-server.log"))) {
            URI base = URI.create(server.readyLine().substring(ServerMain.READY.length()).trim());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf(Locale.ROOT, "server pid %d at %s with -Xmx64m; body %d bytes%n", server.pid(), base, length);

            long hashStart = System.nanoTime();
            String hex = sha256(new GeneratedBody(length, seed));
            double hashSeconds = (System.nanoTime() - hashStart) / 1e9;
            System.out.printf(Locale.ROOT, "client pre-hash of the generated body: %.2f s (%.0f MiB/s), sha256 %s%n",
                    hashSeconds, length / 1048576.0 / hashSeconds, hex);

            System.out.println(Machine.describe());
            java.util.List<Double> ratios = new java.util.ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double[] times = new double[2]; // unsigned, signed
                boolean bothWhole = true;
                // Alternate the order per round so a slower moment of the machine falls on both.
                boolean signedFirst = round % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean signed = signedFirst == (k == 0);
                    URI uri = URI.create(base + (signed ? "/bench/upload" : "/bench/upload-plain"));
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(length, seed)), length));
                    if (signed) {
                        // Signed just before sending: canonical's window is 30 s and is checked before the body is read.
                        RequestSigner.of(Presets.CANONICAL)
                                .sign(new CanonicalRequest("POST", uri.getRawPath(), new BodyHash(hex)),
                                        Fixtures.KEY.id(), Fixtures.KEY.signingSecret())
                                .headers().forEach(request::header);
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    double seconds = (System.nanoTime() - start) / 1e9;
                    times[signed ? 1 : 0] = seconds;
                    boolean whole = response.statusCode() == 200 && response.body().contains("\"length\":" + length)
                            && response.body().contains(hex);
                    bothWhole &= whole;
                    System.out.printf(Locale.ROOT, "round %d %-8s status %d %s: %.2f s, %.0f MiB/s%n", round,
                            signed ? "signed" : "unsigned", response.statusCode(), whole ? "body verified" : "BODY WRONG " + response.body(),
                            seconds, length / 1048576.0 / seconds);
                }
                if (!bothWhole) {
                    throw new IllegalStateException("round " + round + ": an upload was not accepted whole; no ratio is a measurement");
                }
                ratios.add(times[1] / times[0]);
                System.out.printf(Locale.ROOT, "round %d signed/unsigned wall time %.3f; load %s%n", round, times[1] / times[0], Machine.loadAverage());
            }
            System.out.printf(Locale.ROOT, "SUMMARY signed/unsigned wall time over %d rounds: %s (target <= 1.10: %s)%n", rounds,
                    Spread.format(ratios, "%.3f"), Spread.median(ratios) <= 1.10 ? "met" : "missed");
            HttpResponse<String> memory = client.send(HttpRequest.newBuilder(URI.create(base + "/bench/memory")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("server heap: " + memory.body());
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
