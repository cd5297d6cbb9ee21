// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.Ports;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published example of every sender, through the one pipeline, on the case's clock. */
class WebhookVectorsTest {

    static final String KEY_ID = "endpoint-key";

    static Stream<WebhookVectors.Case> cases() {
        return WebhookVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachPublishedExampleVerifiesOrIsRefusedAsItsSenderSays(WebhookVectors.Case c) throws Exception {
        Verification outcome = pipeline(c, new MapReplay()).verify(request(c), BodySource.of(c.bodyBytes()), endpoint());
        if (c.verified()) {
            assertTrue(outcome.isVerified(), () -> "refused: " + outcome);
        } else {
            assertEquals(c.failure(), assertInstanceOf(Refusal.class, outcome).failure().name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSecondCopyOfAnAcceptedExampleIsRefusedAsAReplay(WebhookVectors.Case c) throws Exception {
        if (!c.verified()) {
            return;
        }
        MapReplay replay = new MapReplay();
        VerificationPipeline pipeline = pipeline(c, replay);
        assertTrue(pipeline.verify(request(c), BodySource.of(c.bodyBytes()), endpoint()).isVerified());
        Verification copy = pipeline.verify(request(c), BodySource.of(c.bodyBytes()), endpoint());
        assertEquals("REPLAYED", assertInstanceOf(Refusal.class, copy).failure().name());
        assertEquals(1, replay.entries.size());
        // Kept for twice the sender's window (or, untimed, its memory) plus the skew.
        assertEquals(c.scheme().window().multipliedBy(2).plusSeconds(5), replay.entries.values().iterator().next());
    }

    @Test
    void everyPresetHasPublishedExamplesBothWays() {
        for (WebhookScheme scheme : WebhookPresets.all()) {
            var cases = WebhookVectors.load(scheme);
            assertTrue(cases.stream().anyMatch(WebhookVectors.Case::verified), scheme.name());
            assertTrue(cases.stream().anyMatch(c -> !c.verified()), scheme.name());
        }
    }

    @Test
    void withoutAnEndpointKeyEveryWebhookIsRefusedAtStepOne() throws Exception {
        WebhookVectors.Case c = WebhookVectors.load(WebhookPresets.GITHUB).get(0);
        Verification outcome = pipeline(c, new MapReplay()).verify(request(c), BodySource.of(c.bodyBytes()),
                new Endpoint(Set.of(), Optional.empty()));
        assertEquals("MISSING_CREDENTIALS", assertInstanceOf(Refusal.class, outcome).failure().name());
    }

    static ReceivedRequest request(WebhookVectors.Case c) {
        return new ReceivedRequest("POST", "/hooks", c.headerSource());
    }

    static Endpoint endpoint() {
        return new Endpoint(Set.of(), Optional.of(KEY_ID));
    }

    static VerificationPipeline pipeline(WebhookVectors.Case c, MapReplay replay) {
        Instant now = c.now().orElse(Instant.parse("2026-01-01T00:00:00Z"));
        ApiKey key = c.key(KEY_ID);
        return VerificationPipeline.forServer(c.scheme(), Clock.fixed(now, ZoneOffset.UTC),
                id -> id.equals(KEY_ID) ? Optional.of(key) : Optional.empty(), replay, Ports.RateBudget.unlimited(),
                r -> Optional.empty(), Ports.TenantBinding.none()).build();
    }

    /** A replay store in a map: remembers forever, and for how long it was asked to. */
    static final class MapReplay implements Ports.ReplayStore {
        final Map<String, Duration> entries = new ConcurrentHashMap<>();

        @Override
        public boolean contains(String replayKey) {
            return entries.containsKey(replayKey);
        }

        @Override
        public boolean putIfAbsent(String replayKey, Duration lifespan) {
            return entries.putIfAbsent(replayKey, lifespan) == null;
        }
    }
}
