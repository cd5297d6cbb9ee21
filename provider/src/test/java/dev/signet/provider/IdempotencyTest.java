// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.OrderResource;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header-06) over HTTP: every repeat is freshly
 * signed (a new nonce), so it passes the replay cache and meets the idempotency store.
 */
class IdempotencyTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer(OrderResource.class);

    private static final String BODY = "{\"amount\":\"100.00\",\"currency\":\"EUR\"}";

    @BeforeEach
    void reset() {
        OrderResource.RUNS.set(0);
        OrderResource.gate = null;
    }

    private static SignedHttp.Call post(String path, String body, String idempotencyKey) {
        return post(path, body, idempotencyKey, Presets.CANONICAL_NONCE, TestKeys.WRITER);
    }

    private static SignedHttp.Call post(String path, String body, String idempotencyKey, Scheme scheme, ApiKey key) {
        SignedHttp.Call call = server.http().post(path, body).signed(scheme, key);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call;
    }

    private static String newKey() {
        return '"' + UUID.randomUUID().toString() + '"';
    }

    @Test
    void aRepeatGetsTheFirstResponseByteForByteAndTheResourceRanOnce() {
        String key = newKey();
        HttpResponse<String> first = post("/orders/create", BODY, key).send();
        assertEquals(201, first.statusCode(), first.body());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> repeat = post("/orders/create", BODY, key).send(); // freshly signed each time
            assertEquals(201, repeat.statusCode());
            assertEquals(first.body(), repeat.body(), "the body, byte for byte");
            assertEquals(applicationHeaders(first), applicationHeaders(repeat), "every header the application set");
            assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElseThrow());
            assertTrue(repeat.headers().firstValue("RateLimit").isPresent(), "the repeat's own budget is reported");
        }
        assertEquals(List.of("one", "two"), first.headers().allValues("X-Multi"));
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertEquals(1, OrderResource.RUNS.get(), "the resource ran once");
    }

    @Test
    void anExactCopyOfASignedRequestIsStillAReplayNotAnIdempotentRepeat() {
        SignedHttp.Call call = post("/orders/create", BODY, newKey());
        assertEquals(201, call.send().statusCode());
        HttpResponse<String> copy = call.send(); // same nonce
        assertEquals(401, copy.statusCode());
        assertEquals("NONCE_REUSED", Json.field(copy.body(), "message"));
    }

    @Test
    void concurrentDuplicatesGiveOneSuccessAndConflicts() throws Exception {
        OrderResource.gate = new CountDownLatch(1);
        String key = newKey();
        int copies = 16;
        List<SignedHttp.Call> calls = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            calls.add(post("/orders/create", BODY, key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(copies - 1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (SignedHttp.Call call : calls) {
            results.add(pool.submit(() -> {
                go.await();
                HttpResponse<String> response = call.send();
                answered.countDown();
                return response;
            }));
        }
        go.countDown();
        assertTrue(answered.await(30, TimeUnit.SECONDS), "every copy but the running one is answered while it runs");
        OrderResource.gate.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<HttpResponse<String>> f : results) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            if (r.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, r.statusCode(), r.body());
                assertEquals("409", Json.field(r.body(), "code"));
                assertEquals("IDEMPOTENCY_KEY_IN_USE", Json.field(r.body(), "message"));
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(copies - 1, conflicts);
        assertEquals(1, OrderResource.RUNS.get());
        assertEquals(201, post("/orders/create", BODY, key).send().statusCode(), "once it completed, a repeat is replayed");
        assertEquals(1, OrderResource.RUNS.get());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422InTheSchemesFormat() {
        String key = newKey();
        assertEquals(201, post("/orders/create", BODY, key).send().statusCode());
        HttpResponse<String> other = post("/orders/create", BODY.replace("100.00", "999.00"), key).send();
        assertEquals(422, other.statusCode());
        assertEquals("422", Json.field(other.body(), "code"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", Json.field(other.body(), "message"));
        assertEquals(1, OrderResource.RUNS.get());

        String problemKey = newKey();
        assertEquals(200, post("/orders/problem", BODY, problemKey, Presets.CANONICAL, TestKeys.WRITER).send().statusCode());
        HttpResponse<String> problem = post("/orders/problem", "{}", problemKey, Presets.CANONICAL, TestKeys.WRITER).send();
        assertEquals(422, problem.statusCode());
        assertTrue(problem.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("https://signet.dev/problems/idempotency-key-reused", Json.field(problem.body(), "type"));

        String detailKey = newKey();
        assertEquals(200, post("/orders/detail", BODY, detailKey, Presets.TIMESTAMP_SECRET, TestKeys.WRITER).send().statusCode());
        HttpResponse<String> detail = post("/orders/detail", "{}", detailKey, Presets.TIMESTAMP_SECRET, TestKeys.WRITER).send();
        assertEquals(422, detail.statusCode());
        assertTrue(Json.field(detail.body(), "detail").startsWith("This Idempotency-Key was used for a different request"));
    }

    @Test
    void aMissingOrMalformedKeyIs400WhereRequiredAndOptionalMeansUnprotected() {
        HttpResponse<String> missing = post("/orders/create", BODY, null).send();
        assertEquals(400, missing.statusCode());
        assertEquals("IDEMPOTENCY_KEY_MISSING", Json.field(missing.body(), "message"));
        for (String bad : new String[] {"\"unterminated", "\"\"", "\"" + "k".repeat(256) + "\"", "has space", "\"bad\\escape\""}) {
            HttpResponse<String> malformed = post("/orders/create", BODY, bad).send();
            assertEquals(400, malformed.statusCode(), bad);
            assertEquals("IDEMPOTENCY_KEY_MALFORMED", Json.field(malformed.body(), "message"));
        }
        assertEquals(0, OrderResource.RUNS.get());
        assertEquals(200, post("/orders/optional", BODY, null).send().statusCode());
        assertEquals(200, post("/orders/optional", BODY, null).send().statusCode());
        assertEquals(2, OrderResource.RUNS.get(), "without a key, an optional endpoint runs every time");
        String bare = UUID.randomUUID().toString(); // sent without quotes, as many clients do
        HttpResponse<String> once = post("/orders/optional", BODY, bare).send();
        assertEquals(once.body(), post("/orders/optional", BODY, bare).send().body());
        assertEquals(3, OrderResource.RUNS.get());
    }

    @Test
    void keysAreRememberedPerApiKey() {
        String key = newKey();
        HttpResponse<String> writers = post("/orders/create", BODY, key).send();
        HttpResponse<String> others = post("/orders/create", BODY, key, Presets.CANONICAL_NONCE, TestKeys.RATED_TOO).send();
        assertEquals(201, writers.statusCode());
        assertEquals(201, others.statusCode());
        assertNotEquals(Json.field(writers.body(), "served"), Json.field(others.body(), "served"));
        assertEquals(2, OrderResource.RUNS.get());
    }

    @Test
    void aResponseLargerThanTheStoreKeepsIsAnsweredNotKeptAndNotRunAgain() {
        String key = newKey();
        HttpResponse<String> first = post("/orders/large", BODY, key).send();
        assertEquals(200, first.statusCode());
        assertTrue(first.body().length() > 100_000, "answered in full");
        HttpResponse<String> repeat = post("/orders/large", BODY, key).send();
        assertEquals(409, repeat.statusCode());
        assertEquals("IDEMPOTENT_RESPONSE_NOT_KEPT", Json.field(repeat.body(), "message"));
        assertEquals(1, OrderResource.RUNS.get());
    }

    @Test
    void anAnswerWithoutBodyIsReplayedAndAServerErrorReleasesItsKey() {
        String key = newKey();
        HttpResponse<String> first = post("/orders/empty", BODY, key).send();
        assertEquals(204, first.statusCode());
        HttpResponse<String> repeat = post("/orders/empty", BODY, key).send();
        assertEquals(204, repeat.statusCode());
        assertEquals(first.headers().firstValue("X-Served"), repeat.headers().firstValue("X-Served"));
        assertEquals(1, OrderResource.RUNS.get());

        String unavailable = newKey();
        assertEquals(503, post("/orders/unavailable", BODY, unavailable).send().statusCode());
        assertEquals(503, post("/orders/unavailable", BODY, unavailable).send().statusCode());
        assertEquals(3, OrderResource.RUNS.get(), "a server error keeps nothing, the key is released first: the retry runs");

        // An exception no mapper answers bypasses the response filters: the key is released when the request
        // scope ends, which may be just after the client saw the 500. A retry meanwhile gets 409 (retry later).
        String failing = newKey();
        assertEquals(500, post("/orders/fails", BODY, failing).send().statusCode());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = post("/orders/fails", BODY, failing).send().statusCode();
        } while (status == 409 && System.nanoTime() < deadline);
        assertEquals(500, status);
        assertEquals(5, OrderResource.RUNS.get(), "the retry ran");
    }

    /** The headers of an answer, but those that describe this exchange rather than the first response. */
    private static Map<String, List<String>> applicationHeaders(HttpResponse<String> response) {
        Map<String, List<String>> kept = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("ratelimit") && !lower.equals("idempotent-replayed") && !lower.equals("date")) {
                kept.put(lower, values);
            }
        });
        return kept;
    }
}
