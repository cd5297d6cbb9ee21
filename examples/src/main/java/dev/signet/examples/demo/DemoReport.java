// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The demo client's findings: one row per preset. */
public record DemoReport(List<PresetResults> rows) {

    public DemoReport {
        rows = List.copyOf(rows);
    }

    public Optional<PresetResults> row(String preset) {
        return rows.stream().filter(r -> r.scheme().name().equals(preset)).findFirst();
    }

    /** Whether every cell is what its preset's document says: the demo's exit status rests on this. */
    public boolean asDocumented() {
        return rows.stream().allMatch(r -> Arrays.stream(Scenario.values()).allMatch(r::asDocumented));
    }
}
