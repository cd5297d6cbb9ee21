// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

/** Told what each step of the pipeline decided, for tools that explain a request; servers use {@link #NONE}. */
@FunctionalInterface
public interface Trace {

    enum Outcome { PASSED, FAILED, NOT_CHECKED }

    Trace NONE = (step, outcome, detail) -> { };

    void step(Step step, Outcome outcome, String detail);
}
