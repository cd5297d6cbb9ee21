// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step 8 takes budget from the key's bucket and the endpoint's, once each; step 11 answers for both. */
class RateBudgetStepTest {

    private final List<String> taken = new ArrayList<>();

    private static Verification verifyOnce(VerificationPipeline pipeline, ApiKey key, Endpoint endpoint) {
        SignedExchange x = new SignedExchange(Presets.CANONICAL_NONCE, key, "POST", "/api/orders", "{}");
        try {
            return pipeline.verify(x.received(), BodySource.of(x.body), endpoint, Trace.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Ports.RateBudget recording(Ports.Allowance answer) {
        return (bucket, perMinute) -> {
            taken.add(bucket + " " + perMinute);
            return answer;
        };
    }

    @Test
    void theKeysOwnRateWinsOverTheDefaultAndAnEndpointsBudgetIsCountedBesides() {
        ApiKey key = ApiKey.builder("k1").secret("s3cret-value").scope("orders:write").rateLimitPerMinute(120).build();
        VerificationPipeline pipeline = pipeline(recording(new Ports.Allowance(7, 42, 0)), key, 6000);
        Verified ok = assertInstanceOf(Verified.class, verifyOnce(pipeline, key,
                new Endpoint(Set.of("orders:write"), Optional.empty(), 10, "POST /orders")));
        assertEquals(List.of("key\nk1 120", "endpoint\nPOST /orders\nk1 10"), taken);
        assertEquals(List.of(new RateLimitStatus("key", 120, 60, 7, 42), new RateLimitStatus("endpoint", 10, 60, 7, 42)),
                ok.rateLimits());
    }

    @Test
    void aKeyWithoutARateOfItsOwnGetsTheDefaultAndAScopeRefusalStillCarriesTheBudget() {
        ApiKey key = ApiKey.builder("k2").secret("s3cret-value").scope("orders:read").build();
        VerificationPipeline pipeline = pipeline(recording(new Ports.Allowance(99, 60, 0)), key, 100);
        Refusal refused = assertInstanceOf(Refusal.class, verifyOnce(pipeline, key,
                Endpoint.scoped(Set.of("orders:write"))));
        assertEquals(Failure.SCOPE_MISSING, refused.failure());
        assertEquals(List.of("key\nk2 100"), taken);
        assertEquals(List.of(new RateLimitStatus("key", 100, 60, 99, 60)), refused.rateLimits());
    }

    @Test
    void aSpentKeyBudgetRefusesWithRetryAfterAndLeavesTheEndpointsBudgetAlone() {
        ApiKey key = ApiKey.builder("k3").secret("s3cret-value").scope("orders:write").rateLimitPerMinute(5).build();
        VerificationPipeline pipeline = pipeline(recording(new Ports.Allowance(0, 17, 17)), key, 0);
        Refusal refused = assertInstanceOf(Refusal.class, verifyOnce(pipeline, key,
                new Endpoint(Set.of("orders:write"), Optional.empty(), 2, "POST /orders")));
        assertEquals(Failure.RATE_LIMITED, refused.failure());
        assertEquals(17, refused.retryAfterSeconds());
        assertEquals(List.of("key\nk3 5"), taken, "a refused request takes nothing more");
    }

    @Test
    void noLimitMeansNoBudgetIsAskedAndABrokenStoreRefusesRatherThanServes() {
        ApiKey key = ApiKey.builder("k4").secret("s3cret-value").scope("orders:write").build();
        Verified ok = assertInstanceOf(Verified.class, verifyOnce(pipeline(recording(new Ports.Allowance(0, 0, 0)), key, 0),
                key, Endpoint.scoped(Set.of("orders:write"))));
        assertTrue(taken.isEmpty());
        assertTrue(ok.rateLimits().isEmpty());
        Ports.RateBudget broken = (bucket, perMinute) -> {
            throw new IllegalStateException("store down");
        };
        Refusal refused = assertInstanceOf(Refusal.class, verifyOnce(pipeline(broken, key, 60), key,
                Endpoint.scoped(Set.of("orders:write"))));
        assertEquals(Failure.RATE_LIMIT_UNAVAILABLE, refused.failure());
    }

    private static VerificationPipeline pipeline(Ports.RateBudget budget, ApiKey key, int defaultRate) {
        return VerificationPipeline.forServer(Presets.CANONICAL_NONCE, Clock.fixed(SignedExchange.NOW, ZoneOffset.UTC),
                id -> Optional.of(key), new MemoryReplayStore(), budget, request -> Optional.empty(),
                Ports.TenantBinding.none()).defaultRatePerMinute(defaultRate).build();
    }
}
