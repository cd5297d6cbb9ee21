// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * In-memory ports for the pipeline fuzz tests: a key repository with one key of every kind, and a replay store,
 * rate budget and trace that record what the pipeline asked of them.
 */
final class FuzzPorts {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /**
     * What every fuzzed key's secret starts with: key-1's is exactly this, each other key's adds its id, so a
     * request verifies only as the key whose secret signed it. The forgery fuzz test never hands it to the fuzzer.
     */
    static final String SECRET = "s3cret-value";

    /** The id whose lookup fails, so the "repository unavailable" answer is reached too. */
    static final String UNAVAILABLE = "key-unavailable";

    /** Looked up case-insensitively, as a case-insensitive repository would. */
    static final Map<String, ApiKey> KEYS = keys();

    /** Every id the fuzzer may pick, including an unknown one and spellings in another case. */
    static final List<String> KEY_IDS = List.of("key-1", "KEY-1", "key-disabled", "key-revoked", "key-expired",
            "key-rotating", "key-tenant", "key-ip", "key-limited", UNAVAILABLE, "nobody");

    static final String TENANT_HEADER = "X-Tenant";

    /**
     * The pipeline logs a warning with a stack trace for each failing port; at thousands of inputs a second that
     * is only noise. Held here so the logger, and its level, are not collected.
     */
    static final java.util.logging.Logger PIPELINE_LOG = quiet(VerificationPipeline.class.getName());

    static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private FuzzPorts() {
    }

    private static Map<String, ApiKey> keys() {
        Map<String, ApiKey> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<ApiKey> all = List.of(
                ApiKey.builder("key-1").secret(SECRET).scopes("items:write", "items:read").build(),
                ApiKey.builder("key-disabled").secret(SECRET + "/key-disabled").scope("items:write").status(KeyStatus.DISABLED).build(),
                ApiKey.builder("key-revoked").secret(SECRET + "/key-revoked").scope("items:write").status(KeyStatus.REVOKED).build(),
                ApiKey.builder("key-expired").secret(SECRET + "/key-expired").scope("items:write").expiresAt(NOW.minusSeconds(1)).build(),
                ApiKey.builder("key-rotating").secret(Secret.validUntil("old-" + SECRET, NOW.minusSeconds(3600)))
                        .secret(SECRET + "/key-rotating").scope("items:write").build(),
                ApiKey.builder("key-tenant").secret(SECRET + "/key-tenant").scope("items:write").tenant("acme").build(),
                ApiKey.builder("key-ip").secret(SECRET + "/key-ip").scope("items:write").allowedIp("10.0.0.0/8")
                        .allowedIp("2001:db8::/32").build(),
                ApiKey.builder("key-limited").secret(SECRET + "/key-limited").scope("items:write").rateLimitPerMinute(1).build());
        all.forEach(k -> keys.put(k.id(), k));
        return keys;
    }

    static Optional<ApiKey> find(String keyId) {
        if (UNAVAILABLE.equalsIgnoreCase(keyId)) {
            throw new IllegalStateException("the fuzzed key repository is down");
        }
        return Optional.ofNullable(KEYS.get(keyId));
    }

    /** A replay store that may be told to fail, and counts the records it took. */
    static final class ReplayStore implements Ports.ReplayStore {
        final Set<String> entries = new HashSet<>();
        final boolean failing;
        int recorded;

        ReplayStore(boolean failing) {
            this.failing = failing;
        }

        @Override
        public boolean contains(String replayKey) {
            if (failing) {
                throw new IllegalStateException("the fuzzed replay store is down");
            }
            return entries.contains(replayKey);
        }

        @Override
        public boolean putIfAbsent(String replayKey, Duration lifespan) {
            assertNotNull(replayKey);
            assertTrue(!lifespan.isNegative() && !lifespan.isZero(), "replay lifespan " + lifespan);
            boolean added = entries.add(replayKey);
            if (added) {
                recorded++;
            }
            return added;
        }
    }

    /** A rate budget that answers a fixed retry-after and counts what it was charged. */
    static final class RateBudget implements Ports.RateBudget {
        final long answer;
        int charged;

        RateBudget(long answer) {
            this.answer = answer;
        }

        @Override
        public Ports.Allowance take(String bucket, int perMinute) {
            assertNotNull(bucket);
            assertTrue(perMinute > 0, "perMinute " + perMinute);
            charged++;
            return answer == 0 ? new Ports.Allowance(perMinute - 1, 60, 0) : new Ports.Allowance(0, answer, answer);
        }
    }

    /** Records each step's outcome and checks the order of the steps as they come. */
    static final class RecordingTrace implements Trace {
        final List<Step> steps = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();

        @Override
        public void step(Step step, Outcome outcome, String detail) {
            assertNotNull(step);
            assertNotNull(outcome);
            assertNotNull(detail, () -> "no detail for " + step);
            assertFalse(outcomes.contains(Outcome.FAILED), () -> "a step ran after a failure: " + step);
            if (!steps.isEmpty()) {
                assertTrue(step.number() > steps.get(steps.size() - 1).number(),
                        () -> "steps out of order: " + steps + " then " + step);
            }
            steps.add(step);
            outcomes.add(outcome);
        }

        boolean passed(Step step) {
            int i = steps.indexOf(step);
            return i >= 0 && outcomes.get(i) == Outcome.PASSED;
        }

        /** A refused walk ends with exactly one failed step, the refusal's own. */
        void assertEndsWith(Refusal refusal) {
            assertFalse(steps.isEmpty(), "a refusal with no step traced");
            assertEquals(refusal.failure().step(), steps.get(steps.size() - 1));
            assertEquals(Outcome.FAILED, outcomes.get(outcomes.size() - 1));
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.FAILED).count());
        }
    }
}
