// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.OrderResource;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key is kept for {@code signet.idempotency.retention-seconds}, then forgotten (Infinispan's own expiry). */
class IdempotencyRetentionTest {

    private static final String BODY = "{\"amount\":\"1.00\"}";

    @Test
    void afterTheRetentionTheKeyIsForgottenAndRunsAgain() throws InterruptedException {
        OrderResource.RUNS.set(0);
        OrderResource.gate = null;
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.idempotency.retention-seconds", "1"),
                OrderResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            String key = "\"" + UUID.randomUUID() + "\"";
            HttpResponse<String> first = http.post("/orders/create", BODY).signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                    .header("Idempotency-Key", key).send();
            assertEquals(first.body(), http.post("/orders/create", BODY).signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                    .header("Idempotency-Key", key).send().body());
            Thread.sleep(1_500);
            HttpResponse<String> later = http.post("/orders/create", BODY).signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                    .header("Idempotency-Key", key).send();
            assertEquals(201, later.statusCode());
            assertNotEquals(first.body(), later.body());
            assertEquals(2, OrderResource.RUNS.get());
        }
    }

}
