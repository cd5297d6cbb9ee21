// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void withoutAnyVariableTheDemoListensOnLoopbackPort8080AndMakesItsOwnKeys() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of());
        assertEquals(new DemoSettings("127.0.0.1", 8080, Optional.empty()), settings);
    }

    @Test
    void eachVariableSetsItsSetting() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of("SIGNET_DEMO_PORT", "9191",
                "SIGNET_DEMO_HOST", "0.0.0.0", "SIGNET_DEMO_KEYS", "/etc/signet/keys.json"));
        assertEquals(new DemoSettings("0.0.0.0", 9191, Optional.of(Path.of("/etc/signet/keys.json"))), settings);
    }

    @Test
    void aBlankVariableMeansTheDefault() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of("SIGNET_DEMO_PORT", " ", "SIGNET_DEMO_KEYS", ""));
        assertEquals(DemoSettings.defaults(), settings);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoSettings.fromEnvironment(Map.of("SIGNET_DEMO_PORT", "eighty")));
        assertTrue(e.getMessage().contains("SIGNET_DEMO_PORT"), e.getMessage());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DemoSettings.fromEnvironment(Map.of("SIGNET_DEMO_PORT", "70000")));
    }
}
