// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.LogCapture;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With every log level on and diagnostics enabled, run every preset through acceptance and every kind of
 * refusal; no secret may appear in any log line or response. Also: diagnostics show the signed string.
 */
class SecretsAndDiagnosticsTest {

    @Test
    void noSecretAndNoFullSignatureAppearsInAnyLogLineExceptionOrResponseOnAnyPath() {
        List<String> bodies = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        List<String> lines;
        try (LogCapture logs = new LogCapture();
                ServerWithSettings s = new ServerWithSettings(Map.of("signet.diagnostics", "true",
                        "signet.tenant-header", "X-Tenant", "signet.max-body-bytes", "64"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (Scheme scheme : Presets.all()) {
                String get = "/" + scheme.name() + "/get";
                String sig = scheme.headers().signature();
                List<SignedHttp.Call> calls = new ArrayList<>();
                calls.add(http.get(get).signed(scheme, TestKeys.WRITER).header("X-Tenant", "t1")); // accepted
                calls.add(http.get(get).signed(scheme, TestKeys.READER.id(), Secret.of(TestKeys.SECRET + "x"), Clock.systemUTC()));
                calls.add(http.get(get).signed(scheme, TestKeys.DISABLED));                 // key status
                calls.add(http.get(get).signed(scheme, TestKeys.WRITER).header("X-Tenant", "t2")); // tenant
                calls.add(http.get(get).signed(scheme, TestKeys.WRITER));                   // tenant header missing
                calls.add(http.get(get).signed(scheme, "nobody", Secret.of(TestKeys.SECRET), Clock.systemUTC()));
                calls.add(http.get(get).signed(scheme, TestKeys.READER.id(), Secret.of(TestKeys.SECRET),
                        Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(2))));   // window
                calls.add(http.get(get).header(scheme.headers().keyId(), TestKeys.SECRET)); // secret as key id
                calls.add(http.post("/" + scheme.name() + "/post", "x".repeat(100)).signed(scheme, TestKeys.WRITER)
                        .header("X-Tenant", "t1"));                                          // body too large
                SignedHttp.Call first = http.get(get).signed(scheme, TestKeys.WRITER).header("X-Tenant", "t1");
                calls.add(first);
                SignedHttp.Call replay = http.get(get);
                replay.headers.putAll(first.headers);
                calls.add(replay);                                                           // replay
                SignedHttp.Call malformed = http.get(get).signed(scheme, TestKeys.READER);
                malformed.headers.put(sig, malformed.headers.get(sig) + "=");
                calls.add(malformed);                                                        // malformed
                for (SignedHttp.Call call : calls) {
                    if (call.headers.containsKey(sig)) {
                        signatures.add(call.headers.get(sig));
                    }
                    HttpResponse<String> response = call.send();
                    bodies.add(response.body());
                    response.headers().map().values().forEach(v -> bodies.add(String.join(",", v)));
                }
            }
            lines = logs.lines();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("Signet refused")), "refusals are logged at FINE");
        for (String text : lines) {
            assertFalse(text.contains(TestKeys.SECRET) || text.contains(TestKeys.OLD_SECRET), text);
            for (String signature : signatures) {
                assertFalse(text.contains(signature), "a full signature in a log line: " + text);
            }
        }
        for (String body : bodies) {
            assertFalse(body.contains(TestKeys.SECRET), body);
            for (String signature : signatures) {
                assertFalse(body.contains(signature), "a full signature in an answer: " + body);
            }
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
