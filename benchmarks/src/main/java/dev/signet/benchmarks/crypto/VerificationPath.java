// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.crypto;

import dev.signet.benchmarks.Fixtures;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.internal.verification.Verified;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.replay.NonceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's own {@link VerificationPipeline} without Jersey around it, so the benchmark measures the code
 * that runs, not a copy of it. Without a nonce store it is the offline pipeline (core steps only); with one,
 * a server pipeline whose address, tenant and rate ports are the cheapest possible (none configured, as in
 * these runs). Returns the key on success, the refusal otherwise, so a benchmark can prove it measured
 * successful verifications.
 */
public final class VerificationPath {

    private final VerificationPipeline pipeline;
    private final Endpoint endpoint;

    public VerificationPath(Scheme scheme, KeyRepository keys, NonceStore nonces, Duration clockSkew) {
        Clock clock = Clock.systemUTC();
        this.pipeline = nonces == null ? VerificationPipeline.offline(scheme, clock, keys::find)
                : VerificationPipeline.forServer(scheme, clock, keys::find, nonces, dev.signet.core.internal.verification.Ports.RateBudget.unlimited(),
                        request -> Optional.empty(), dev.signet.core.internal.verification.Ports.TenantBinding.none())
                        .clockSkew(clockSkew).build();
        this.endpoint = Endpoint.scoped(Fixtures.KEY.scopes()); // once, as the server builds it at deployment
    }

    public Object verify(ReceivedRequest request, byte[] body) {
        // The server hashes the body while reading it (BodyReader); here it is already in memory.
        BodyHash hash = BodyHash.of(body);
        try {
            Verification outcome = pipeline.verify(request, BodySource.ofHash(hash), endpoint, Trace.NONE);
            return outcome instanceof Verified verified ? verified.key() : outcome;
        } catch (java.io.IOException impossible) { // nothing is read from a body already hashed
            throw new java.io.UncheckedIOException(impossible);
        }
    }
}
