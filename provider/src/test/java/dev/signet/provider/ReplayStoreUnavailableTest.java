// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayStoreUnavailableTest {

    @Test
    void whenTheReplayCacheCannotAnswerTheRequestIsRefusedWith503NotWavedThrough() {
        try (SignetTestServer server = SignetTestServer.start(Map.of("signet.rate-limit.default-per-minute", "0"), null,
                EchoResource.class)) {
            SignedHttp http = new SignedHttp(server.baseUri());
            assertEquals(200, http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
            ((InfinispanNonceStore) server.bean(SignetRuntime.class).nonces()).close(); // the cache goes away

            HttpResponse<String> response = http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send();
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("SERVICE_UNAVAILABLE", Json.parse(response.body()).getString("message"));
            // A preset without replay protection, for a key without a rate limit, does not need the cache.
            assertEquals(200, http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET, TestKeys.READER).send().statusCode());
        }
    }

    @Test
    void whenTheRateBudgetsCannotAnswerEvenASchemeWithoutReplayProtectionIsRefusedWith503() {
        try (SignetTestServer server = SignetTestServer.start(EchoResource.class)) {
            SignedHttp http = new SignedHttp(server.baseUri());
            assertEquals(200, http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET, TestKeys.READER).send().statusCode());
            server.bean(SignetRuntime.class).stores().close(); // replay cache, rate budgets and idempotency go away

            HttpResponse<String> response = http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET, TestKeys.READER).send();
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("Service temporarily unavailable", Json.parse(response.body()).getString("detail"));
            HttpResponse<String> problem = http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.READER).send();
            assertEquals(503, problem.statusCode(), problem.body());
        }
    }
}
