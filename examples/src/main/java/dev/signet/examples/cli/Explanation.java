// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.verification.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * What the server's pipeline makes of one captured request, step by step, as far as it can be told
 * offline: steps that need the server's state (tenant setting, replay cache, peer address, endpoint
 * scopes, rate counters) are reported as such rather than guessed.
 *
 * @param signedString  the string the server MACs, secret redacted; empty when the headers could not be read
 * @param refusal       the first failing step's refusal; empty when every step that can be checked passes
 * @param signatureHint whether the signature would match, when an earlier step stopped the walk before it
 */
record Explanation(List<Step> steps, Optional<String> signedString, Optional<Refusal> refusal,
        Optional<Boolean> signatureHint) {

    enum Status { PASSED, FAILED, NOT_CHECKED, NOT_REACHED }

    record Step(int number, String name, Status status, String detail) {
    }

    Explanation {
        steps = List.copyOf(steps);
    }

    boolean passes() {
        return refusal.isEmpty();
    }

    Optional<Step> failedStep() {
        return steps.stream().filter(s -> s.status() == Status.FAILED).findFirst();
    }
}
