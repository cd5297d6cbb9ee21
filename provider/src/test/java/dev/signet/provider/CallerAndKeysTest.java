// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallerAndKeysTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer(EchoResource.class);

    private static SignedHttp http;

    @BeforeAll
    static void client() {
        http = server.http();
    }

    @Test
    void aRotatedKeyVerifiesWithTheOldAndTheNewSecret() {
        assertEquals(200, http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.ROTATED.id(),
                Secret.of(TestKeys.OLD_SECRET), Clock.systemUTC()).send().statusCode());
        assertEquals(200, http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.ROTATED.id(),
                Secret.of(TestKeys.SECRET), Clock.systemUTC()).send().statusCode());
    }

    @Test
    void scopesRequiredByTheAnnotationAreEnforced() {
        assertEquals(403, http.post("/canonical/post", "{}").signed(Presets.CANONICAL, TestKeys.READER).send().statusCode());
        assertEquals(200, http.post("/canonical/post", "{}").signed(Presets.CANONICAL, TestKeys.WRITER).send().statusCode());
    }

    @Test
    void rolesAllowedIsAnsweredByTheKeysScopes() {
        HttpResponse<String> denied = http.get("/canonical/roles").signed(Presets.CANONICAL, TestKeys.READER).send();
        assertEquals(403, denied.statusCode());
        assertEquals("https://signet.dev/problems/scope-missing", Json.parse(denied.body()).getString("type"));
        assertEquals(200, http.get("/canonical/roles").signed(Presets.CANONICAL, TestKeys.WRITER).send().statusCode());
    }

    @Test
    void theCallerBeanExposesKeyTenantAndScopes() {
        var body = Json.parse(http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.WRITER).send().body());
        assertEquals("writer", body.getString("keyId"));
        assertEquals("t1", body.getString("tenant"));
        assertEquals("items:read,items:write", body.getString("scopes"));
    }

    @Test
    void aKeyLimitedToLoopbackIsAcceptedFromLoopback() {
        assertEquals(200, http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.LOOPBACK_ONLY).send().statusCode());
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        // The caller claims to be inside the allowlist; no proxy is trusted, so the connection's address counts.
        HttpResponse<String> response = http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.ELSEWHERE_ONLY)
                .header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.7").send();
        assertEquals(401, response.statusCode());
        assertEquals("https://signet.dev/problems/ip-not-allowed", Json.parse(response.body()).getString("type"));
    }
}
