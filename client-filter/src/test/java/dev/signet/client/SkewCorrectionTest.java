package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the skew correction learns, from which refusals, and for whom. */
class SkewCorrectionTest {

    private static final ApiKey KEY = ApiKey.of("skew-key", "skew-secret");
    private static final Scheme SCHEME = Presets.CANONICAL;

    @Test
    void aClockAheadIsCorrectedBackwards() {
        SigningFeature feature = feature(Duration.ofMinutes(7), KEY.signingSecret().reveal());
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(feature)) {
            assertEquals(401, get(client, server).status());
            assertTrue(get(client, server).accepted());
            assertAbout(Duration.ofMinutes(-7), feature.clockOffset());
        }
    }

    @Test
    void theOffsetIsLearnedOnlyByTheFeatureThatWasRefused() {
        SigningFeature skewed = feature(Duration.ofMinutes(-10), KEY.signingSecret().reveal());
        SigningFeature onTime = feature(Duration.ZERO, KEY.signingSecret().reveal());
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY);
                Client first = client(skewed); Client second = client(onTime)) {
            assertEquals(401, get(first, server).status());
            assertTrue(get(second, server).accepted());

            assertAbout(Duration.ofMinutes(10), skewed.clockOffset());
            assertEquals(Duration.ZERO, onTime.clockOffset());
        }
    }

    @Test
    void aRefusalForAnotherReasonTeachesNothing() {
        // Ten seconds behind is inside canonical's 30 s window: the wrong secret, not the clock, is refused.
        SigningFeature wrongSecret = feature(Duration.ofSeconds(-10), "not-the-secret");
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(wrongSecret)) {
            assertEquals(401, get(client, server).status());
            assertEquals("SIGNATURE_MISMATCH", server.onlyRequest().verdict());
            assertEquals(Duration.ZERO, wrongSecret.clockOffset());
        }
    }

    @Test
    void aResponseDateThatIsNotAnHttpDateIsIgnored() {
        assertEquals(Optional.empty(), SkewCorrectionFilter.serverDate("yesterday"));
        assertEquals(Optional.empty(), SkewCorrectionFilter.serverDate(null));
        assertTrue(SkewCorrectionFilter.serverDate("Mon, 23 Nov 2026 09:19:14 GMT").isPresent());
    }

    private static SigningFeature feature(Duration clockError, String secret) {
        return SigningFeature.builder(SCHEME).keyId(KEY.id()).secret(secret)
                .clock(Clock.offset(Clock.systemUTC(), clockError)).skewCorrection(true).build();
    }

    private static Client client(SigningFeature feature) {
        return ClientBuilder.newClient().register(feature);
    }

    private static Answer get(Client client, JdkVerifyingServer server) {
        return Answer.of(client.target(server.baseUri()).path("vaults").request().get());
    }

    /** The Date header has whole seconds, and a call takes a moment: within a few seconds is exact enough. */
    private static void assertAbout(Duration expected, Duration actual) {
        assertTrue(expected.minus(actual).abs().compareTo(Duration.ofSeconds(3)) <= 0,
                () -> "expected about " + expected + " but learned " + actual);
    }
}
