// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.keys.Secret;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayProtectionTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer(EchoResource.class);

    private static SignedHttp http;

    @BeforeAll
    static void client() {
        http = server.http();
    }

    static List<Scheme> schemesWithReplayKey() {
        return Presets.all().stream().filter(s -> s.replayKey() != ReplayKey.NONE).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemesWithReplayKey")
    void aReplayedRequestIsRefused(Scheme scheme) {
        SignedHttp.Call call = http.post("/" + scheme.name() + "/post", "{\"n\":1}").signed(scheme, TestKeys.WRITER);
        assertEquals(200, call.send().statusCode());
        HttpResponse<String> replay = call.send();
        assertEquals(401, replay.statusCode(), replay.body());
        if (scheme == Presets.CANONICAL_NONCE) {
            assertEquals("NONCE_REUSED", Json.parse(replay.body()).getString("message"));
        } else {
            assertEquals("https://signet.dev/problems/replayed", Json.parse(replay.body()).getString("type"));
        }
    }

    @Test
    void timestampSecretsHmacIsReusableForItsFiveMinutesAndRefusedAfter() {
        // Seed 000/001: "This HMAC key remains valid for a duration of 5 minutes".
        SignedHttp.Call fresh = http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET, TestKeys.READER);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, fresh.send().statusCode(), "reuse " + i);
        }
        SignedHttp.Call nearlyExpired = http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET,
                TestKeys.READER.id(), Secret.of(TestKeys.SECRET), Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(-290)));
        assertEquals(200, nearlyExpired.send().statusCode());
        assertEquals(200, nearlyExpired.send().statusCode());
        SignedHttp.Call expired = http.get("/timestamp-secret/get").signed(Presets.TIMESTAMP_SECRET,
                TestKeys.READER.id(), Secret.of(TestKeys.SECRET), Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(-301)));
        HttpResponse<String> refused = expired.send();
        assertEquals(401, refused.statusCode());
        assertEquals("Timestamp out of range", Json.parse(refused.body()).getString("detail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemesWithReplayKey")
    void thirtyTwoConcurrentCopiesOfOneRequestYieldExactlyOneSuccess(Scheme scheme) throws Exception {
        SignedHttp.Call call = http.post("/" + scheme.name() + "/post", "{\"race\":true}").signed(scheme, TestKeys.WRITER);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return call.send().statusCode();
            }));
        }
        go.countDown();
        int ok = 0;
        int replayed = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            ok += status == 200 ? 1 : 0;
            replayed += status == 401 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(31, replayed);
    }

    @Test
    void forgedRequestsLeaveTheReplayCacheUntouched() {
        InfinispanNonceStore store = (InfinispanNonceStore) server.bean(SignetRuntime.class).nonces();
        int before = store.size();
        for (int i = 0; i < 50; i++) {
            http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER.id(),
                    Secret.of("forged-" + i), Clock.systemUTC()).send();
        }
        assertEquals(before, store.size());
        assertEquals(200, http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
        assertEquals(before + 1, store.size());
    }

    @Test
    void canonicalsSecondIdenticalRequestInOneSecondMustBeResigned() {
        // Seed 003: the (keyId, timestamp, signature) tuple is single-use; a retry must re-sign.
        Clock frozen = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);
        SignedHttp.Call first = http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.READER.id(), Secret.of(TestKeys.SECRET), frozen);
        SignedHttp.Call second = http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.READER.id(), Secret.of(TestKeys.SECRET), frozen);
        assertEquals(200, first.send().statusCode());
        assertEquals(401, second.send().statusCode());
        assertEquals(200, http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.READER.id(), Secret.of(TestKeys.SECRET),
                Clock.offset(frozen, java.time.Duration.ofSeconds(1))).send().statusCode());
    }
}
