// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.scheme.Scheme;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What happened to each scenario under one preset. */
public record PresetResults(Scheme scheme, Map<Scenario, Outcome> outcomes) {

    public PresetResults {
        Objects.requireNonNull(scheme, "scheme");
        outcomes = Map.copyOf(new EnumMap<>(outcomes));
    }

    public Outcome outcome(Scenario scenario) {
        return outcomes.get(scenario);
    }

    /** Whether the server accepted exactly what the preset's document says it must accept. */
    public boolean asDocumented(Scenario scenario) {
        Outcome outcome = outcomes.get(scenario);
        return outcome != null && outcome.accepted() == scenario.acceptedBy(scheme);
    }
}
