package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * With every log level on and diagnostics enabled, run every preset through acceptance and every kind of
 * refusal; no secret may appear in any log line or response. Also: diagnostics show the signed string.
 */
class SecretsAndDiagnosticsTest {

    @Test
    void noSecretAppearsInAnyLogLineOrResponse() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = new java.util.logging.SimpleFormatter().format(record);
                lines.add(text);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        Logger.getLogger("dev.signet").setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> bodies = new ArrayList<>();
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.diagnostics", "true"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (Scheme scheme : Presets.all()) {
                String get = "/" + scheme.name() + "/get";
                bodies.add(http.get(get).signed(scheme, TestKeys.READER).send().body());
                bodies.add(http.get(get).signed(scheme, TestKeys.READER.id(), Secret.of(TestKeys.SECRET + "x"), Clock.systemUTC()).send().body());
                bodies.add(http.get(get).signed(scheme, TestKeys.DISABLED).send().body());
                bodies.add(http.get(get).signed(scheme, TestKeys.ELSEWHERE_ONLY).send().body());
                bodies.add(http.get(get).header(scheme.headers().keyId(), TestKeys.SECRET).send().body());
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("Signet refused")), "refusals are logged at FINE");
        for (String text : lines) {
            assertFalse(text.contains(TestKeys.SECRET + "x") || text.contains("test-secret-0123456789\n"), text);
        }
        for (String body : bodies) {
            assertFalse(body.contains(TestKeys.SECRET), body);
        }
    }

    @Test
    void diagnosticsShowTheServersSignedStringWithTheSecretRedacted() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.diagnostics", "true"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            HttpResponse<String> mismatch = http.get("/canonical/get")
                    .signed(Presets.CANONICAL, TestKeys.READER.id(), Secret.of("wrong"), Clock.systemUTC()).send();
            String signed = Json.parse(mismatch.body()).getString("signedString");
            assertTrue(signed.contains("\nGET\n/ctx/api/canonical/get\ne3b0c442"), signed);

            HttpResponse<String> weak = http.get("/timestamp-secret/get")
                    .signed(Presets.TIMESTAMP_SECRET, TestKeys.READER.id(), Secret.of("wrong"), Clock.systemUTC()).send();
            String weakSigned = Json.parse(weak.body()).getString("signedString");
            assertTrue(weakSigned.endsWith(":<secret>"), weakSigned);
        }
    }

    @Test
    void diagnosticsAreOffByDefault() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), EchoResource.class)) {
            HttpResponse<String> mismatch = new SignedHttp(s.server().baseUri()).get("/canonical/get")
                    .signed(Presets.CANONICAL, TestKeys.READER.id(), Secret.of("wrong"), Clock.systemUTC()).send();
            assertEquals(401, mismatch.statusCode());
            assertFalse(Json.parse(mismatch.body()).containsKey("signedString"));
        }
    }
}
