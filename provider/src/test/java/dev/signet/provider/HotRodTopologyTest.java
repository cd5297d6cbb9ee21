// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.ChildServer;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.HotRodTestCluster;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.OrderResource;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remote topology: two application nodes (each a JVM of its own) with signet.infinispan.hotrod-uri
 * naming two Hot Rod endpoints of a clustered Infinispan (started here, on loopback). The replay cache,
 * the rate budgets and the idempotency records live there only: the application nodes hold none.
 */
class HotRodTopologyTest {

    private static HotRodTestCluster infinispan;
    private static ChildServer a;
    private static ChildServer b;

    @BeforeAll
    static void start() throws Exception {
        infinispan = HotRodTestCluster.start(2);
        Map<String, String> settings = Map.of("signet.infinispan.hotrod-uri", infinispan.uri(""),
                "signet.rate-limit.default-per-minute", "1000000");
        var startA = java.util.concurrent.CompletableFuture.supplyAsync(() -> ChildServer.start("hotrod-a", settings, Map.of(),
                EchoResource.class, OrderResource.class));
        b = ChildServer.start("hotrod-b", settings, Map.of(), EchoResource.class, OrderResource.class);
        a = startA.get();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, infinispan}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    @Test
    void aRequestAcceptedOnOneNodeIsRefusedAsAReplayOnBothThroughTheRemoteStore() throws Exception {
        SignedHttp.Call call = a.http().post("/canonical-nonce/post", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        assertEquals(200, call.send().statusCode());
        for (ChildServer node : new ChildServer[] {a, b}) {
            SignedHttp.Call copy = node.http().post("/canonical-nonce/post", "{\"n\":1}");
            copy.headers.putAll(call.headers);
            HttpResponse<String> replay = copy.send();
            assertEquals(401, replay.statusCode(), node.name());
            assertEquals("NONCE_REUSED", Json.field(replay.body(), "message"));
        }
        assertTrue(infinispan.node(0).getCache("signet-nonces").size() > 0, "the nonce is held by the Infinispan Server");

        // Copies racing on both nodes: only the remote put-if-absent can tell them apart.
        SignedHttp.Call raced = a.http().post("/canonical-nonce/post", "{\"race\":true}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ChildServer node = i % 2 == 0 ? a : b;
            results.add(pool.submit(() -> {
                SignedHttp.Call copy = node.http().post("/canonical-nonce/post", "{\"race\":true}");
                copy.headers.putAll(raced.headers);
                go.await();
                return copy.send().statusCode();
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            ok += status == 200 ? 1 : 0;
            assertTrue(status == 200 || status == 401, "status " + status);
        }
        pool.shutdown();
        assertEquals(1, ok, "32 copies over two nodes, one accepted");
    }

    @Test
    void bothNodesSpendOneRateBudgetAndShareIdempotencyKeys() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ChildServer node = i % 2 == 0 ? a : b;
            results.add(pool.submit(() -> node.http().get("/canonical-nonce/get")
                    .signed(Presets.CANONICAL_NONCE, TestKeys.RATED_TOO).send().statusCode()));
        }
        int ok = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            ok += status == 200 ? 1 : 0;
            assertTrue(status == 200 || status == 429, "status " + status);
        }
        pool.shutdown();
        assertEquals(120, ok);

        String key = "\"" + UUID.randomUUID() + "\"";
        HttpResponse<String> first = a.http().post("/orders/create", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                .header("Idempotency-Key", key).send();
        HttpResponse<String> repeat = b.http().post("/orders/create", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                .header("Idempotency-Key", key).send();
        assertEquals(201, first.statusCode());
        assertEquals(first.body(), repeat.body());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElseThrow());
    }

    /** One result of the load: when its request was sent and answered (ms since the start), its status. */
    private record Sent(long at, long answeredAt, int status, String body) {
    }

    @Test
    void theInfinispanServerGoingAwayMidLoadAnswers503NeverAPassAndServiceResumesWhenItIsBack() throws Exception {
        SignedHttp.Call acceptedBefore = a.http().post("/canonical-nonce/post", "{\"before\":true}")
                .signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        assertEquals(200, acceptedBefore.send().statusCode());

        long t0 = System.nanoTime();
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            ChildServer node = i % 2 == 0 ? a : b;
            load.submit(() -> {
                while (running.get()) {
                    long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    HttpResponse<String> r = node.http().get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                            .send();
                    sent.add(new Sent(at, millisSince(t0), r.statusCode(), r.statusCode() == 200 ? "" : r.body()));
                }
                return null;
            });
        }
        Thread.sleep(2_000);
        infinispan.stopEndpoint(0); // one endpoint of two: the client goes on with the other
        long oneDownAt = millisSince(t0);
        Thread.sleep(5_000);
        long oneDownUntil = millisSince(t0);
        infinispan.stopEndpoint(1); // now no endpoint answers
        long allDownAt = millisSince(t0);
        Thread.sleep(4_000);
        // A replay of a request accepted before is refused too, never served.
        SignedHttp.Call replay = b.http().post("/canonical-nonce/post", "{\"before\":true}");
        replay.headers.putAll(acceptedBefore.headers);
        HttpResponse<String> replayDuringOutage = replay.send();
        long upAt = millisSince(t0);
        infinispan.startEndpoint(0);
        infinispan.startEndpoint(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !servedAfter(sent, upAt, 20)) {
            Thread.sleep(250);
        }
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(120, TimeUnit.SECONDS));

        assertEquals(503, replayDuringOutage.statusCode(), replayDuringOutage.body());
        assertEquals("SERVICE_UNAVAILABLE", Json.field(replayDuringOutage.body(), "message"));
        List<Sent> all = List.copyOf(sent);
        for (Sent s : all) {
            assertTrue(s.status() == 200 || s.status() == 503, "every answer is served or 503: " + s);
        }
        long servedWithOneEndpoint = all.stream().filter(s -> s.at() > oneDownAt && s.answeredAt() < oneDownUntil
                && s.status() == 200).count();
        assertTrue(servedWithOneEndpoint > 0, "one endpoint of two still serves");
        // Sent once no endpoint answered, and answered before they were started again.
        List<Sent> outage = all.stream().filter(s -> s.at() > allDownAt + 500 && s.answeredAt() < upAt).toList();
        assertTrue(outage.size() > 10, "load went on during the outage: " + outage.size());
        assertTrue(outage.stream().allMatch(s -> s.status() == 503), "nothing passes while no endpoint answers: "
                + outage.stream().filter(s -> s.status() != 503).toList());
        assertTrue(servedAfter(all, upAt, 20), "service resumes once the endpoints are back");
        long firstServed = all.stream().filter(s -> s.at() > upAt && s.status() == 200).mapToLong(Sent::at).min().orElseThrow();
        long refusedWithOneEndpoint = all.stream().filter(s -> s.at() > oneDownAt && s.answeredAt() < oneDownUntil
                && s.status() == 503).count();
        System.out.printf("Hot Rod: one endpoint of two down: %d served, %d answered 503; both down: %d answers, all 503;"
                + " first request served %d ms after the endpoints came back; %d answers in all%n", servedWithOneEndpoint,
                refusedWithOneEndpoint, outage.size(), firstServed - upAt, all.size());

        SignedHttp.Call afterwards = a.http().post("/canonical-nonce/post", "{\"before\":true}");
        afterwards.headers.putAll(acceptedBefore.headers);
        assertEquals(401, afterwards.send().statusCode(), "the nonce accepted before the outage is still known");
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static boolean servedAfter(List<Sent> sent, long at, int count) {
        synchronized (sent) {
            return sent.stream().filter(s -> s.at() > at && s.status() == 200).count() >= count;
        }
    }
}
