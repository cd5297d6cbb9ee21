// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.examples.keys.KeyGenerator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo client against the demo server: every cell of its table is what the presets' documents say. */
class DemoClientTest {

    /** preset -> valid, tampered body, replay, stale timestamp, unknown key */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "timestamp-secret", List.of("200 accepted", "200 accepted", "200 accepted",
                    "401 Timestamp out of range", "401 Invalid API Key"),
            "json-payload", List.of("200 accepted", "200 accepted", "401 Replayed",
                    "401 Timestamp out of window", "401 Unknown key"),
            "canonical", List.of("200 accepted", "401 Signature mismatch", "401 Replayed",
                    "401 Timestamp out of window", "401 Unknown key"),
            "canonical-nonce", List.of("200 accepted", "401 GA2012 SIGNATURE_INVALID", "401 GA2013 NONCE_REUSED",
                    "401 GA2013 TIMESTAMP_EXPIRED", "401 GA2011 API_KEY_NOT_FOUND"));

    static DemoServer server;
    static DemoReport report;

    @BeforeAll
    static void runTheDemoClient() {
        DemoKeys keys = DemoKeys.generate(new KeyGenerator());
        server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.empty()), keys.repository());
        try (DemoClient client = new DemoClient(server.baseUri(), keys.clientKey(), new KeyGenerator())) {
            report = client.run();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyCellHasTheOutcomeItsPresetsDocumentPrescribes() {
        assertEquals(Presets.all().size(), report.rows().size());
        for (Map.Entry<String, List<String>> row : EXPECTED.entrySet()) {
            PresetResults results = report.row(row.getKey()).orElseThrow();
            for (Scenario scenario : Scenario.values()) {
                assertEquals(row.getValue().get(scenario.ordinal()), results.outcome(scenario).toString(),
                        row.getKey() + " / " + scenario.label());
            }
        }
        assertTrue(report.asDocumented());
    }

    @Test
    void theTableFootnotesWhatIsAcceptedOnlyBecauseTheDocumentSaysSo() {
        String table = ReportTable.render(report);
        assertTrue(table.contains("[1] accepted by design (timestamp-secret, json-payload)"), table);
        assertTrue(table.contains("[2] accepted by design (timestamp-secret)"), table);
        assertFalse(table.contains("(!)"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("canonical-nonce   200 accepted  401 GA2012 SIGNATURE_INVALID")), table);
    }
}
