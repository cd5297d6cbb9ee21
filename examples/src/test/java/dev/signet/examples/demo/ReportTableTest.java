// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    private static PresetResults canonical(Outcome tampered) {
        Map<Scenario, Outcome> outcomes = new EnumMap<>(Scenario.class);
        outcomes.put(Scenario.VALID, new Outcome(200, "accepted"));
        outcomes.put(Scenario.TAMPERED_BODY, tampered);
        outcomes.put(Scenario.REPLAY, new Outcome(401, "Replayed"));
        outcomes.put(Scenario.STALE_TIMESTAMP, new Outcome(401, "Timestamp out of window"));
        outcomes.put(Scenario.UNKNOWN_KEY, new Outcome(401, "Unknown key"));
        return new PresetResults(Presets.CANONICAL, outcomes);
    }

    @Test
    void anOutcomeThatContradictsThePresetsDocumentIsFlaggedAndFailsTheReport() {
        DemoReport report = new DemoReport(List.of(canonical(new Outcome(200, "accepted"))));
        String table = ReportTable.render(report);
        assertTrue(table.contains("200 accepted (!)"), table);
        assertTrue(table.contains("(!) not what the preset's document says"), table);
        assertFalse(report.asDocumented());
    }

    @Test
    void columnsLineUpUnderTheirHeaders() {
        String table = ReportTable.render(new DemoReport(List.of(canonical(new Outcome(401, "Signature mismatch")))));
        List<String> lines = table.lines().toList();
        assertEquals(lines.get(0).indexOf("tampered body"), lines.get(2).indexOf("401 Signature mismatch"), table);
        assertEquals(lines.get(0).indexOf("unknown key"), lines.get(2).indexOf("401 Unknown key"), table);
    }

    @Test
    void theTableIsAsciiOnly() {
        String table = ReportTable.render(new DemoReport(List.of(canonical(new Outcome(401, "Signature mismatch")))));
        assertTrue(table.chars().allMatch(c -> c < 128), table);
    }
}
