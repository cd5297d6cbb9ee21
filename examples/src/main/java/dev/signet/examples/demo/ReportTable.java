// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link DemoReport} as a plain-text table for a terminal. ASCII only: a Windows console or a
 * CI log must show it as it is. A request that gets through only because its preset's document allows
 * it carries a numbered note, so nobody mistakes it for a Signet bug; a cell that contradicts the
 * document is flagged.
 */
public final class ReportTable {

    private static final String GAP = "  ";

    private ReportTable() {
    }

    public static String render(DemoReport report) {
        Map<Scenario, Integer> notes = new LinkedHashMap<>();
        Map<Scenario, List<String>> notedPresets = new LinkedHashMap<>();
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("preset"));
        Arrays.stream(Scenario.values()).map(Scenario::label).forEach(header::add);
        lines.add(header);
        boolean contradiction = false;
        for (PresetResults row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.scheme().name()));
            for (Scenario scenario : Scenario.values()) {
                Outcome outcome = row.outcome(scenario);
                String cell = outcome == null ? "-" : outcome.toString();
                if (!row.asDocumented(scenario)) {
                    cell += " (!)";
                    contradiction = true;
                } else if (scenario != Scenario.VALID && outcome.accepted() && scenario.whyAcceptedByDesign() != null) {
                    cell += " [" + notes.computeIfAbsent(scenario, s -> notes.size() + 1) + "]";
                    notedPresets.computeIfAbsent(scenario, s -> new ArrayList<>()).add(row.scheme().name());
                }
                cells.add(cell);
            }
            lines.add(cells);
        }
        StringBuilder out = new StringBuilder();
        int[] widths = widths(lines);
        for (int i = 0; i < lines.size(); i++) {
            out.append(line(lines.get(i), widths)).append('\n');
            if (i == 0) {
                out.append(line(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths)).append('\n');
            }
        }
        if (!notes.isEmpty() || contradiction) {
            out.append('\n');
        }
        notes.forEach((scenario, n) -> out.append('[').append(n).append("] accepted by design (")
                .append(String.join(", ", notedPresets.get(scenario))).append("): ")
                .append(scenario.whyAcceptedByDesign()).append(".\n"));
        if (contradiction) {
            out.append("(!) not what the preset's document says the server must do.\n");
        }
        return out.toString();
    }

    private static int[] widths(List<List<String>> lines) {
        int[] widths = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(widths[i] - cell.length())).append(GAP);
            }
        }
        return out.toString();
    }
}
