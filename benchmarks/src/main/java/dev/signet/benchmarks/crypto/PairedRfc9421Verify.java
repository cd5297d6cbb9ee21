// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import static dev.signet.benchmarks.support.Options.stringOption;

import dev.signet.benchmarks.Fixtures;
import dev.signet.benchmarks.support.Machine;
import dev.signet.benchmarks.support.PairedHarness;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Policy;
import dev.signet.core.internal.rfc9421.Rfc9421Scheme;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.internal.verification.Verified;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.PublicVerificationKey;
import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Section 1's {@code rfc9421} rows, paired in time as {@link PairedVerify}: for each algorithm of RFC 9421's
 * registry, the {@code rfc9421} scheme's verification through core's offline {@link VerificationPipeline}
 * (read {@code Signature-Input} and {@code Signature}, choose the signature, parse {@code Content-Digest},
 * build the signature base from the request, look up the key, check the window, verify with the key's
 * algorithm, then stream the body through the digest and compare) against the raw floor: the JDK's own
 * {@code Signature} (made and {@code initVerify}-ed once) {@code update} + {@code verify} over the very bytes of
 * the signature base, or for hmac-sha256 one {@code Mac.doFinal} on a Mac keyed once, plus, with a body, one
 * {@code MessageDigest} SHA-256 of it (what checking {@code Content-Digest} needs at least).
 *
 * <p>The request is what {@code HttpSignatureFeature} sends: {@code @method} and {@code @target-uri}, with a
 * body {@code content-digest} (sha-256), {@code created}, {@code keyid} and a fresh UUID nonce; a GET without a
 * body and a 1 KiB POST. Each pair is one batch of each side, about {@code --batch-ms} of thread CPU, back to
 * back, floor first in odd pairs; every case runs in every pair round. Time is thread CPU time; wall is printed
 * beside it. Warm-up: all cases round robin, each side about {@code --warm-batch-ms} per round, at least
 * {@code --warmup-s}, until every case's median of its last 3 verify batches is within 5% of the 3 before,
 * at most {@code --warmup-max-s}.
 *
 * <p>Options: {@code --pairs 9 --warmup-s 15 --warmup-max-s 60 --batch-ms 100 --warm-batch-ms 40
 * --algorithms all --sizes 0,1024}.
 */
public final class PairedRfc9421Verify {

    private PairedRfc9421Verify() {
    }

    static volatile Object sink;

    static final double TARGET = 1.3;
    static final String TARGET_URI = "https://api.example.com/api/items/0";
    static final String SECRET = "rfc9421-benchmark-shared-secret-0123456789";

    /** One (algorithm, body size) case: both sides, ready to run. */
    static final class Case implements PairedHarness.PairedCase {
        final SignatureAlgorithm algorithm;
        final int bodyBytes;
        final byte[] body;
        final String method;
        final Rfc9421Signer signer;
        final VerificationPipeline pipeline;
        final Endpoint endpoint = Endpoint.scoped(Set.of());
        final Signature jdk; // initVerify-ed once; verify() resets it to that state
        final Mac mac;       // keyed once
        final MessageDigest sha256;
        byte[] baseBytes;
        byte[] signature;
        ReceivedRequest request;

        Case(SignatureAlgorithm algorithm, int bodyBytes) throws GeneralSecurityException {
            this.algorithm = algorithm;
            this.bodyBytes = bodyBytes;
            this.body = Fixtures.body(bodyBytes);
            this.method = bodyBytes == 0 ? "GET" : "POST";
            String keyId = "k-" + algorithm.rfcName();
            ApiKey key;
            SigningKey signingKey;
            if (algorithm.symmetric()) {
                key = ApiKey.builder(keyId).secret(SECRET).build();
                signingKey = SigningKey.hmac(SECRET);
                this.mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                this.jdk = null;
            } else {
                KeyPair pair = pair(algorithm);
                key = ApiKey.builder(keyId).publicKey(new PublicVerificationKey(algorithm, pair.getPublic())).build();
                signingKey = SigningKey.of(algorithm, pair.getPrivate());
                this.jdk = jdkSignature(algorithm);
                jdk.initVerify(pair.getPublic());
                this.mac = null;
            }
            this.signer = Rfc9421Signer.builder(keyId, signingKey).build();
            this.pipeline = VerificationPipeline.offline(new Rfc9421Scheme(Rfc9421Policy.DEFAULT), Clock.systemUTC(),
                    id -> id.equals(keyId) ? Optional.of(key) : Optional.empty());
            this.sha256 = MessageDigest.getInstance("SHA-256");
            refresh();
        }

        /** A freshly signed request (new created and nonce; the window is 5 minutes), its base and signature. */
        @Override
        public void refresh() {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Host", List.of("api.example.com"));
            headers.put("Accept", List.of("application/json"));
            headers.put("User-Agent", List.of("signet-benchmark"));
            Map<DigestAlgorithm, byte[]> digests = null;
            if (bodyBytes > 0) {
                headers.put("Content-Type", List.of("application/octet-stream"));
                headers.put("Content-Length", List.of(Integer.toString(bodyBytes)));
                ContentDigest.Hasher h = new ContentDigest.Hasher(EnumSet.of(signer.digestAlgorithm()));
                h.update(body, 0, body.length);
                digests = h.finish();
            }
            Rfc9421Signer.Result result = signer.sign(method, TARGET_URI, HeaderSource.ofLists(headers), digests, Instant.now(),
                    UUID.randomUUID().toString());
            result.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            request = new ReceivedRequest(method, "/api/items/0", "", HeaderSource.ofLists(headers), "127.0.0.1", TARGET_URI);
            baseBytes = result.signed().base().getBytes(StandardCharsets.US_ASCII);
            signature = result.signed().signature();
        }

        /** Wall ns per floor operation; {@code out[0]} bytes allocated and {@code out[1]} CPU ns per operation. */
        @Override
        public double floor(int ops, double[] out) {
            long a0 = PairedHarness.allocated();
            long c0 = PairedHarness.cpu();
            long t0 = System.nanoTime();
            int acc = 0;
            try {
                for (int i = 0; i < ops; i++) {
                    if (mac != null) {
                        acc += mac.doFinal(baseBytes)[0];
                    } else {
                        jdk.update(baseBytes);
                        if (!jdk.verify(signature)) {
                            throw new IllegalStateException(algorithm.rfcName() + ": the raw floor refused its own signature");
                        }
                    }
                    if (bodyBytes > 0) {
                        acc += sha256.digest(body)[0];
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            long t1 = System.nanoTime();
            out[1] = (PairedHarness.cpu() - c0) / (double) ops;
            out[0] = (PairedHarness.allocated() - a0) / (double) ops;
            sink = acc;
            return (t1 - t0) / (double) ops;
        }

        /** As {@link #floor}, for rfc9421 verification through the pipeline; any refusal fails the run. */
        @Override
        public double measured(int ops, double[] out) {
            long a0 = PairedHarness.allocated();
            long c0 = PairedHarness.cpu();
            long t0 = System.nanoTime();
            Verification last = null;
            try {
                for (int i = 0; i < ops; i++) {
                    last = pipeline.verify(request, BodySource.of(body), endpoint, Trace.NONE);
                    if (!(last instanceof Verified)) {
                        throw new IllegalStateException(label() + " refused: " + last);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t1 = System.nanoTime();
            out[1] = (PairedHarness.cpu() - c0) / (double) ops;
            out[0] = (PairedHarness.allocated() - a0) / (double) ops;
            sink = last;
            return (t1 - t0) / (double) ops;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "%-17s %5d B", algorithm.rfcName(), bodyBytes);
        }
    }

    static KeyPair pair(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator g;
        switch (algorithm) {
            case ED25519 -> g = KeyPairGenerator.getInstance("Ed25519");
            case ECDSA_P256_SHA256 -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
            }
            case ECDSA_P384_SHA384 -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp384r1"));
            }
            default -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
            }
        }
        return g.generateKeyPair();
    }

    /** The JDK's Signature for an algorithm, as RFC 9421 section 3.3 defines it (the same JCA names core uses). */
    static Signature jdkSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case RSA_PSS_SHA512 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                yield s;
            }
            case RSA_V1_5_SHA256 -> Signature.getInstance("SHA256withRSA");
            case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case ECDSA_P384_SHA384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
            case ED25519 -> Signature.getInstance("Ed25519");
            case HMAC_SHA256 -> throw new IllegalArgumentException("hmac-sha256 has no Signature");
        };
    }

    public static void main(String[] args) throws Exception {
        PairedHarness.Settings settings = PairedHarness.Settings.from(args, 9, 15);
        String algorithms = stringOption(args, "--algorithms", "all");
        String sizes = stringOption(args, "--sizes", "0,1024");

        List<Case> cases = new ArrayList<>();
        for (int size : PairedVerify.parse(sizes)) {
            for (SignatureAlgorithm a : List.of(SignatureAlgorithm.HMAC_SHA256, SignatureAlgorithm.ED25519,
                    SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.ECDSA_P384_SHA384, SignatureAlgorithm.RSA_PSS_SHA512,
                    SignatureAlgorithm.RSA_V1_5_SHA256)) {
                if (algorithms.equals("all") || List.of(algorithms.split(",", 0)).contains(a.rfcName())) {
                    cases.add(new Case(a, size));
                }
            }
        }
        System.out.println(Machine.describe());
        System.out.printf(Locale.ROOT, "PairedRfc9421Verify: %d cases, %d pairs, batch about %d ms of CPU per side%n", cases.size(),
                settings.pairs(), settings.batchMs());
        List<PairedHarness.Measured> results = PairedHarness.run(cases, settings, "rfc9421 verify", System.out);
        System.out.printf(Locale.ROOT, "SUMMARY median [min-max] over %d pairs, thread CPU ns/op (wall-clock ratio beside it);"
                + " target rfc9421 / JDK raw <= %.1f, verdict on the median CPU ratio%n", settings.pairs(), TARGET);
        System.out.println("| algorithm | body | JDK raw ns/op | rfc9421 verify ns/op | rfc9421 / raw (CPU) | rfc9421 / raw (wall) | B/op raw / rfc9421 | verdict |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            System.out.printf(Locale.ROOT, "| %s | %d B | %s%n", c.algorithm.rfcName(), c.bodyBytes, PairedHarness.row(results.get(i), TARGET));
        }
    }
}
