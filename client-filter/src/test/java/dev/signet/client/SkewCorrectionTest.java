// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.Refusal;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the skew correction learns, from which answers, and for whom. */
class SkewCorrectionTest {

    private static final ApiKey KEY = ApiKey.of("skew-key", "skew-secret");
    private static final Scheme SCHEME = Presets.CANONICAL;
    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    static List<Scheme> presets() {
        return Presets.all();
    }

    // ---- what a genuine timestamp refusal teaches ----------------------------------------------------

    @Test
    void aClockTwoMinutesAheadIsCorrectedByTheServersRefusal() {
        SigningFeature feature = feature(SCHEME, TWO_MINUTES, KEY.signingSecret().reveal());
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(feature)) {
            assertEquals(401, get(client, server.baseUri()).status());
            assertTrue(get(client, server.baseUri()).accepted());
            assertAbout(TWO_MINUTES.negated(), feature.clockOffset());
        }
    }

    @Test
    void theOffsetIsLearnedOnlyByTheFeatureThatWasRefused() {
        SigningFeature skewed = feature(SCHEME, TWO_MINUTES.negated(), KEY.signingSecret().reveal());
        SigningFeature onTime = feature(SCHEME, Duration.ZERO, KEY.signingSecret().reveal());
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY);
                Client first = client(skewed); Client second = client(onTime)) {
            assertEquals(401, get(first, server.baseUri()).status());
            assertTrue(get(second, server.baseUri()).accepted());

            assertAbout(TWO_MINUTES, skewed.clockOffset());
            assertEquals(Duration.ZERO, onTime.clockOffset());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aTimestampRefusalInTheSchemesErrorFormatTeachesTheServersClock(Scheme scheme) {
        SigningFeature feature = feature(scheme, Duration.ZERO, "any-secret");
        RefusalBody refusal = timestampRefusal(scheme);
        try (ScriptedServer server = refusing(refusal, Instant.now().plus(TWO_MINUTES)); Client client = client(feature)) {
            Answer answer = get(client, server.baseUri());

            assertAbout(TWO_MINUTES, feature.clockOffset());
            assertEquals(refusal.json(), answer.text(), "the caller still reads the whole body");
        }
    }

    // ---- what teaches nothing ------------------------------------------------------------------------

    @Test
    void aProxys401WithAFarDateDoesNotMoveTheClock() {
        SigningFeature feature = feature(SCHEME, Duration.ZERO, KEY.signingSecret().reveal());
        try (ScriptedServer proxy = ScriptedServer.answering(401,
                Map.of("Date", ScriptedServer.httpDate(Instant.now().plus(AN_HOUR)), "WWW-Authenticate", "Basic"),
                "text/html", "<html><body>401 Authorization Required</body></html>");
                Client client = client(feature)) {
            assertEquals(401, get(client, proxy.baseUri()).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void aProxys401WithANearDateAndAJsonBodyDoesNotMoveTheClockEither() {
        SigningFeature feature = feature(SCHEME, Duration.ZERO, KEY.signingSecret().reveal());
        try (ScriptedServer proxy = ScriptedServer.answering(401,
                Map.of("Date", ScriptedServer.httpDate(Instant.now().plus(TWO_MINUTES))),
                "application/json", "{\"message\":\"Unauthorized\"}");
                Client client = client(feature)) {
            assertEquals(401, get(client, proxy.baseUri()).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aGenuineLookingRefusalClaimingAnHourDoesNotMoveTheClock(Scheme scheme) {
        SigningFeature feature = feature(scheme, Duration.ZERO, "any-secret");
        try (ScriptedServer impostor = refusing(timestampRefusal(scheme), Instant.now().plus(AN_HOUR));
                Client client = client(feature)) {
            assertEquals(401, get(client, impostor.baseUri()).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void aTimestampRefusalInAnotherSchemesErrorFormatTeachesNothing() {
        // canonical answers in problem+json; seed 000's wording is not its refusal.
        SigningFeature feature = feature(SCHEME, Duration.ZERO, "any-secret");
        try (ScriptedServer server = refusing(timestampRefusal(Presets.TIMESTAMP_SECRET), Instant.now().plus(TWO_MINUTES));
                Client client = client(feature)) {
            assertEquals(401, get(client, server.baseUri()).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void aNonceRefusalThatSharesTheTimestampsCodeTeachesNothing() {
        SigningFeature feature = feature(Presets.CANONICAL_NONCE, Duration.ZERO, "any-secret");
        try (ScriptedServer server = refusing(RefusalBody.envelope("GA2013", "NONCE_REUSED", Clock.systemUTC()),
                Instant.now().plus(TWO_MINUTES)); Client client = client(feature)) {
            assertEquals(401, get(client, server.baseUri()).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void aRefusalForAnotherReasonTeachesNothing() {
        // Ten seconds behind is inside canonical's 30 s window: the wrong secret, not the clock, is refused.
        SigningFeature wrongSecret = feature(SCHEME, Duration.ofSeconds(-10), "not-the-secret");
        try (JdkVerifyingServer server = JdkVerifyingServer.start(SCHEME, KEY); Client client = client(wrongSecret)) {
            assertEquals(401, get(client, server.baseUri()).status());
            assertEquals("SIGNATURE_MISMATCH", server.onlyRequest().verdict());
            assertEquals(Duration.ZERO, wrongSecret.clockOffset());
        }
    }

    @Test
    void aRefusalFromAnotherOriginThanTheOneSignedForTeachesNothing() {
        SigningFeature feature = feature(SCHEME, Duration.ZERO, "any-secret");
        try (ScriptedServer signedFor = refusing(timestampRefusal(SCHEME), Instant.now());
                ScriptedServer elsewhere = refusing(timestampRefusal(SCHEME), Instant.now().plus(TWO_MINUTES))) {
            // A filter after the signer sends the signed request somewhere else.
            ClientRequestFilter sendsElsewhere = request -> request.setUri(elsewhere.baseUri().resolve("vaults"));
            try (Client client = client(feature).register(sendsElsewhere, SigningFeature.REQUEST_FILTER_PRIORITY + 1)) {
                assertEquals(401, get(client, signedFor.baseUri()).status());
            }
            assertEquals(1, elsewhere.received().size());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void anAnswerToARequestTheFeatureDidNotSignTeachesNothing() {
        SigningFeature feature = feature(SCHEME, Duration.ZERO, "any-secret");
        RefusalBody refusal = timestampRefusal(SCHEME);
        // A filter before the signer answers in the server's place, so nothing was signed.
        ClientRequestFilter answersFirst = request -> request.abortWith(Response.status(401)
                .header("Date", ScriptedServer.httpDate(Instant.now().plus(TWO_MINUTES)))
                .type(refusal.contentType())
                .entity(new ByteArrayInputStream(refusal.json().getBytes(StandardCharsets.UTF_8))).build());
        try (Client client = client(feature).register(answersFirst, Priorities.AUTHENTICATION)) {
            assertEquals(401, get(client, URI.create("http://127.0.0.1:9/")).status());
            assertEquals(Duration.ZERO, feature.clockOffset());
        }
    }

    @Test
    void aResponseDateThatIsNotAnHttpDateIsIgnored() {
        assertEquals(Optional.empty(), SkewCorrectionFilter.serverDate("yesterday"));
        assertEquals(Optional.empty(), SkewCorrectionFilter.serverDate(null));
        assertTrue(SkewCorrectionFilter.serverDate("Mon, 23 Nov 2026 09:19:14 GMT").isPresent());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static SigningFeature feature(Scheme scheme, Duration clockError, String secret) {
        return SigningFeature.builder(scheme).keyId(KEY.id()).secret(secret)
                .clock(Clock.offset(Clock.systemUTC(), clockError)).skewCorrection(true).build();
    }

    private static Client client(SigningFeature feature) {
        return ClientBuilder.newClient().register(feature);
    }

    private static Answer get(Client client, URI server) {
        return Answer.of(client.target(server).path("vaults").request().get());
    }

    /** What a Signet server answers, in {@code scheme}'s error format, when it refuses a timestamp. */
    private static RefusalBody timestampRefusal(Scheme scheme) {
        return RefusalBody.of(scheme.errorFormat(),
                new Refusal(Failure.TIMESTAMP_OUT_OF_WINDOW, "Timestamp out of range", 0, Optional.empty()),
                Clock.systemUTC());
    }

    private static ScriptedServer refusing(RefusalBody body, Instant date) {
        return ScriptedServer.answering(401, Map.of("Date", ScriptedServer.httpDate(date)), body.contentType(), body.json());
    }

    /** The Date header has whole seconds, and a call takes a moment: within a few seconds is exact enough. */
    private static void assertAbout(Duration expected, Duration actual) {
        assertTrue(expected.minus(actual).abs().compareTo(Duration.ofSeconds(3)) <= 0,
                () -> "expected about " + expected + " but learned " + actual);
    }
}
