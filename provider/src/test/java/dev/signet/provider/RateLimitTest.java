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
import dev.signet.provider.testing.MutableClock;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared sliding-window rate limit through the real filter on an injected clock, at its exact edges:
 * seed 003's "120 requests per minute per API key, sliding window", an endpoint's own budget, and the
 * RateLimit-Policy / RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10) on every answer of a
 * request that was counted.
 */
class RateLimitTest {

    /** A minute boundary plus ten seconds, so a fixed-minute limiter would free a slot 50 s later. */
    private static final Instant START = Instant.parse("2026-06-01T12:00:10Z");

    @Path("/rated")
    public static class RatedResource {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical-nonce", scopes = "items:read", ratePerMinute = 2)
        public String get() {
            return "{\"served\":true}";
        }
    }

    @Test
    void the121stRequestInAMinuteGets429WithTheExactRetryAfterAndIsServedWhenTheFirstAgesOut() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), clock, EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 1; i <= 120; i++) {
                HttpResponse<String> ok = rated(http, clock);
                assertEquals(200, ok.statusCode(), "request " + i + ": " + ok.body());
                assertEquals("\"key\";q=120;w=60", ok.headers().firstValue("RateLimit-Policy").orElseThrow());
                assertEquals("\"key\";r=" + (120 - i) + ";t=60", ok.headers().firstValue("RateLimit").orElseThrow());
            }
            HttpResponse<String> limited = rated(http, clock);
            assertEquals(429, limited.statusCode());
            assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow(),
                    "a sliding window frees the first slot 60 s after the first request, not at the next minute");
            assertEquals("RATE_LIMITED", Json.field(limited.body(), "message"));
            assertEquals("\"key\";r=0;t=60", limited.headers().firstValue("RateLimit").orElseThrow());

            clock.advance(Duration.ofSeconds(50)); // 12:01:00: a fixed-minute limiter would serve again here
            HttpResponse<String> atTheMinute = rated(http, clock);
            assertEquals(429, atTheMinute.statusCode());
            assertEquals("10", atTheMinute.headers().firstValue("Retry-After").orElseThrow());

            clock.advance(Duration.ofMillis(9_999));
            assertEquals("1", rated(http, clock).headers().firstValue("Retry-After").orElseThrow(), "1 ms left rounds up");
            clock.advance(Duration.ofMillis(1));
            HttpResponse<String> served = rated(http, clock);
            assertEquals(200, served.statusCode(), "the 120 requests of 12:00:10 have aged out at 12:01:10");
            assertEquals("\"key\";r=119;t=60", served.headers().firstValue("RateLimit").orElseThrow());
        }
    }

    @Test
    void slotsFreeAsTheOldestRequestsAgeOutNotAllAtOnce() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), clock, EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 0; i < 60; i++) {
                assertEquals(200, rated(http, clock).statusCode());
            }
            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 60; i++) {
                HttpResponse<String> ok = rated(http, clock);
                assertEquals(200, ok.statusCode());
                assertEquals("\"key\";r=" + (59 - i) + ";t=30", ok.headers().firstValue("RateLimit").orElseThrow(),
                        "more quota comes when the oldest requests age out, 30 s from now");
            }
            clock.advance(Duration.ofSeconds(30)); // the first 60 have aged out; the second 60 still count
            for (int i = 0; i < 60; i++) {
                assertEquals(200, rated(http, clock).statusCode(), "request " + i + " after the first half aged out");
            }
            HttpResponse<String> limited = rated(http, clock);
            assertEquals(429, limited.statusCode());
            assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void forgedRequestsAreNotCountedAndGetNoRateLimitFields() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), clock, EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> forged = http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE,
                        TestKeys.RATED.id(), Secret.of("forged-" + i), clock).send();
                assertEquals(401, forged.statusCode());
                assertFalse(forged.headers().firstValue("RateLimit").isPresent());
                assertFalse(forged.headers().firstValue("RateLimit-Policy").isPresent());
            }
            HttpResponse<String> genuine = rated(http, clock);
            assertEquals(200, genuine.statusCode());
            assertEquals("\"key\";r=119;t=60", genuine.headers().firstValue("RateLimit").orElseThrow());
        }
    }

    @Test
    void anEndpointsOwnBudgetIsCountedBesidesTheKeysAndBothAreReported() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of(), clock, EchoResource.class, RatedResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 1; i <= 2; i++) {
                HttpResponse<String> ok = call(http, "/rated", Presets.CANONICAL_NONCE, clock);
                assertEquals(200, ok.statusCode());
                assertEquals("\"key\";q=120;w=60, \"endpoint\";q=2;w=60", ok.headers().firstValue("RateLimit-Policy").orElseThrow());
                assertEquals("\"key\";r=" + (120 - i) + ";t=60, \"endpoint\";r=" + (2 - i) + ";t=60",
                        ok.headers().firstValue("RateLimit").orElseThrow());
            }
            clock.advance(Duration.ofSeconds(15));
            HttpResponse<String> limited = call(http, "/rated", Presets.CANONICAL_NONCE, clock);
            assertEquals(429, limited.statusCode());
            assertEquals("45", limited.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("\"key\";r=117;t=45, \"endpoint\";r=0;t=45", limited.headers().firstValue("RateLimit").orElseThrow(),
                    "a request the endpoint's budget refuses has still used one of the key's");
            HttpResponse<String> elsewhere = rated(http, clock);
            assertEquals(200, elsewhere.statusCode(), "the endpoint's budget binds that endpoint only");
            assertEquals("\"key\";q=120;w=60", elsewhere.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertEquals("\"key\";r=116;t=45", elsewhere.headers().firstValue("RateLimit").orElseThrow());
        }
    }

    @Test
    void aRefusalAfterTheSignatureVerifiedCarriesTheBudgetItUsed() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.rate-limit.default-per-minute", "30"), clock,
                EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            // READER has no rate of its own (the default applies) and lacks items:write.
            HttpResponse<String> forbidden = http.post("/canonical/post", "{}").signed(Presets.CANONICAL, TestKeys.READER.id(),
                    Secret.of(TestKeys.SECRET), clock).send();
            assertEquals(403, forbidden.statusCode());
            assertEquals("https://signet.dev/problems/scope-missing", Json.field(forbidden.body(), "type"));
            assertEquals("\"key\";q=30;w=60", forbidden.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertEquals("\"key\";r=29;t=60", forbidden.headers().firstValue("RateLimit").orElseThrow());
        }
    }

    @Test
    void noLimitMeansNoFields() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.rate-limit.default-per-minute", "0"),
                EchoResource.class)) {
            HttpResponse<String> ok = new SignedHttp(s.server().baseUri()).get("/canonical-nonce/get")
                    .signed(Presets.CANONICAL_NONCE, TestKeys.READER).send();
            assertEquals(200, ok.statusCode());
            assertTrue(ok.headers().firstValue("RateLimit").isEmpty());
            assertTrue(ok.headers().firstValue("RateLimit-Policy").isEmpty());
        }
    }

    @Test
    void anInfinispanXmlWithOnlyTheNonceCacheGetsTheRateAndIdempotencyCachesDefinedLikeIt() {
        MutableClock clock = new MutableClock(START);
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.infinispan.config", "infinispan/nonces-only.xml"),
                clock, EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            for (int i = 1; i <= 120; i++) {
                assertEquals(200, rated(http, clock).statusCode());
            }
            assertEquals(429, rated(http, clock).statusCode());
            assertEquals("local", s.server().bean(SignetRuntime.class).stores().describe());
        }
    }

    private static HttpResponse<String> rated(SignedHttp http, MutableClock clock) {
        return call(http, "/canonical-nonce/get", Presets.CANONICAL_NONCE, clock);
    }

    private static HttpResponse<String> call(SignedHttp http, String path, Scheme scheme, MutableClock clock) {
        return http.get(path).signed(scheme, TestKeys.RATED.id(), Secret.of(TestKeys.SECRET), clock).send();
    }
}
