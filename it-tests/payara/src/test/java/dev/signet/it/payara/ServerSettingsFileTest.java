// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.signet.it.scenarios.ScenarioWar;

/** The file that Payara Micro reads with --systemproperties holds exactly what the scenarios expect of a server. */
class ServerSettingsFileTest {

    @Test
    void theSystemPropertiesFileHoldsTheScenarioWarsServerSettings() throws Exception {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/test/payara/signet.properties"), StandardCharsets.ISO_8859_1)) {
            file.load(in);
        }
        Map<String, String> read = new TreeMap<>();
        file.stringPropertyNames().forEach(name -> read.put(name, file.getProperty(name)));

        assertEquals(new TreeMap<>(ScenarioWar.SERVER_SETTINGS), read);
    }
}
