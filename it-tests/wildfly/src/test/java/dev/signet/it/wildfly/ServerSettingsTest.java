// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.signet.it.scenarios.ScenarioWar;

/** arquillian.xml starts WildFly with exactly {@link ScenarioWar#SERVER_SETTINGS}, on loopback only. */
class ServerSettingsTest {

    private static final Pattern JVM_ARGUMENTS =
        Pattern.compile("<property name=\"javaVmArguments\">([^<]*)</property>");

    @Test
    void theServerGetsEverySettingOfTheScenarioWarAsASystemProperty() throws IOException {
        List<String> arguments = javaVmArguments();

        for (Map.Entry<String, String> setting : ScenarioWar.SERVER_SETTINGS.entrySet()) {
            assertTrue(arguments.contains("-D" + setting.getKey() + "=" + setting.getValue()),
                () -> setting + " is not among " + arguments);
        }
        assertEquals(ScenarioWar.SERVER_SETTINGS.size(),
            arguments.stream().filter(argument -> argument.startsWith("-Dsignet.")).count(),
            () -> "a Signet setting that the scenario WAR does not name: " + arguments);
    }

    @Test
    void everyInterfaceOfTheServerIsBoundToLoopback() throws IOException {
        List<String> arguments = javaVmArguments();

        for (String property : List.of("jboss.bind.address", "jboss.bind.address.management",
                "jboss.bind.address.private")) {
            assertTrue(arguments.contains("-D" + property + "=127.0.0.1"), () -> property + ": " + arguments);
        }
    }

    private static List<String> javaVmArguments() throws IOException {
        try (InputStream in = ServerSettingsTest.class.getResourceAsStream("/arquillian.xml")) {
            Matcher matcher = JVM_ARGUMENTS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(matcher.find(), "arquillian.xml has no javaVmArguments");
            return Arrays.asList(matcher.group(1).trim().split("\\s+"));
        }
    }
}
