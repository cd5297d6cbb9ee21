// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Trace;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.examples.cli.Explanation.Status;
import dev.signet.examples.cli.Explanation.Step;
import dev.signet.provider.keys.KeyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a captured request through the server's own pipeline, offline: the same class, the same order, the
 * same first-failure rule. Steps that need the server's state (tenant setting, replay cache, peer address,
 * endpoint scopes, rate counters) are reported by the pipeline as not checked.
 */
final class RequestExplainer {

    private final VerificationPipeline pipeline;
    private final Scheme scheme;
    private final KeyRepository keys;
    private final Clock clock;

    RequestExplainer(Scheme scheme, Clock clock, KeyRepository keys) {
        this.pipeline = VerificationPipeline.offline(scheme, clock, keys::find);
        this.scheme = scheme;
        this.keys = keys;
        this.clock = clock;
    }

    Explanation explain(ReceivedRequest request, BodyHash bodyHash) {
        List<Step> steps = new ArrayList<>();
        Trace trace = (step, outcome, detail) -> steps.add(new Step(step.number(), step.label(), status(outcome),
                outcome == Trace.Outcome.FAILED && step == dev.signet.core.internal.verification.Step.CREDENTIALS
                        ? detail + "; this preset reads " + headerNames() : detail));
        Verification outcome = pipeline.verify(request, bodyHash, Set.of(), trace);
        CanonicalRequest canonical = new CanonicalRequest(request.method(), request.path(), request.query(), bodyHash);
        Optional<Credentials> credentials = pipeline.readCredentials(request) instanceof Credentials c
                ? Optional.of(c) : Optional.empty();
        Optional<String> signedString = credentials.map(c -> scheme.signedStringRedacted(c, canonical));
        if (!(outcome instanceof Refusal refusal)) {
            return new Explanation(steps, signedString, Optional.empty(), Optional.empty());
        }
        int last = steps.get(steps.size() - 1).number();
        if (last < 11) {
            steps.add(new Step(last + 1, "...", Status.NOT_REACHED, "the server answers here; steps " + (last + 1)
                    + " to 11 do not run"));
        }
        // When an earlier step stopped the walk, say whether the signature would have matched.
        Optional<Boolean> hint = refusal.failure().step().number() < dev.signet.core.internal.verification.Step.SIGNATURE.number()
                ? credentials.flatMap(c -> keys.find(c.keyId()).map((ApiKey key) -> scheme.matches(c, canonical, key, clock.instant())))
                : Optional.empty();
        return new Explanation(steps, signedString, Optional.of(refusal), hint);
    }

    private static Status status(Trace.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case NOT_CHECKED -> Status.NOT_CHECKED;
        };
    }

    private String headerNames() {
        var headers = scheme.headers();
        List<String> names = new ArrayList<>(List.of(headers.keyId(), headers.timestamp()));
        if (headers.hasNonce()) {
            names.add(headers.nonce());
        }
        names.add(headers.signature());
        return String.join(", ", names);
    }
}
