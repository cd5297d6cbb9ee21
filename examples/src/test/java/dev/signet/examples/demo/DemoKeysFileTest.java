// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.examples.testing.DemoKeyFiles;
import dev.signet.provider.testing.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGNET_DEMO_KEYS: the server accepts the file's keys, and only those. */
class DemoKeysFileTest {

    @TempDir
    static Path directory;

    static DemoSettings settings;
    static DemoKeys keys;
    static DemoServer server;
    static SignedHttp http;

    @BeforeAll
    static void start() {
        Path file = DemoKeyFiles.write(directory);
        // As the launcher builds it from the environment.
        settings = DemoSettings.fromEnvironment(Map.of(DemoSettings.KEYS_VARIABLE, file.toString(),
                DemoSettings.PORT_VARIABLE, "0"));
        keys = DemoKeys.load(settings.keysFile().orElseThrow());
        server = DemoServer.start(settings, keys.repository());
        http = new SignedHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aKeyFromTheFileIsAccepted() {
        HttpResponse<String> response = http.post("/canonical-nonce/scoped", "{}")
                .signed(Presets.CANONICAL_NONCE, ApiKey.of(DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET)).send();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"keyId\":\"" + DemoKeyFiles.WRITER_ID + "\""), response.body());
    }

    @Test
    void aKeyThatIsNotInTheFileIsRefused() {
        HttpResponse<String> response = http.get("/canonical/echo")
                .signed(Presets.CANONICAL, ApiKey.of("demo-000000000000", "whatever-secret")).send();
        assertEquals(401, response.statusCode(), response.body());
        assertFalse(keys.generated());
    }

    @Test
    void theFilesScopesDecideTheScopedEndpoints() {
        HttpResponse<String> response = http.post("/canonical/scoped", "{}")
                .signed(Presets.CANONICAL, ApiKey.of(DemoKeyFiles.READER_ID, DemoKeyFiles.READER_SECRET)).send();
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void aKeyWithoutDemoReadIsDeniedTheCanonicalNonceEchoButNotTheOthers() {
        ApiKey unscoped = ApiKey.of(DemoKeyFiles.UNSCOPED_ID, DemoKeyFiles.UNSCOPED_SECRET);
        assertEquals(403, http.get("/canonical-nonce/echo").signed(Presets.CANONICAL_NONCE, unscoped).send().statusCode());
        assertEquals(200, http.get("/canonical/echo").signed(Presets.CANONICAL, unscoped).send().statusCode());
    }

    @Test
    void theDemoClientSignsWithTheKeyThatHoldsEveryDemoScope() {
        assertEquals(DemoKeyFiles.WRITER_ID, keys.clientKey().id());
    }

    @Test
    void aKeyFileWithNoKeyIsRefusedWithAClearMessage() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.json"), "{\"keys\":[]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoKeys.load(empty));
        assertTrue(e.getMessage().contains("holds no key"), e.getMessage());
    }
}
