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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The remote topology: two application nodes (each a JVM of its own) with signet.infinispan.hotrod-uri
 * naming the three Hot Rod endpoints of a clustered Infinispan (three server JVMs started here, on loopback).
 * The replay cache, the rate budgets and the idempotency records live there only: the application nodes hold
 * none. Three servers, as the README asks: with {@code DENY_READ_WRITES}, the one survivor of two after a
 * crash holds no majority and refuses everything, and a node started again cannot join it. The fault tests
 * run last, the kill last of all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotRodTopologyTest {

    private static HotRodTestCluster infinispan;
    private static ChildServer a;
    private static ChildServer b;

    @BeforeAll
    static void start() throws Exception {
        infinispan = HotRodTestCluster.start(3);
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
    @Order(1)
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
        assertTrue(infinispan.cacheSize(0, "signet-nonces") > 0, "the nonce is held by the Infinispan Server");

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
    @Order(2)
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
    @Order(3)
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
        infinispan.stopEndpoint(0); // one endpoint of three: the client goes on with the others
        long oneDownAt = millisSince(t0);
        Thread.sleep(5_000);
        long oneDownUntil = millisSince(t0);
        infinispan.stopEndpoint(1);
        infinispan.stopEndpoint(2); // now no endpoint answers
        long allDownAt = millisSince(t0);
        Thread.sleep(4_000);
        // A replay of a request accepted before is refused too, never served.
        SignedHttp.Call replay = b.http().post("/canonical-nonce/post", "{\"before\":true}");
        replay.headers.putAll(acceptedBefore.headers);
        HttpResponse<String> replayDuringOutage = replay.send();
        long upAt = millisSince(t0);
        for (int i = 0; i < infinispan.size(); i++) {
            infinispan.startEndpoint(i);
        }
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
        assertTrue(servedWithOneEndpoint > 0, "two endpoints of three still serve");
        // Sent once no endpoint answered, and answered before they were started again.
        List<Sent> outage = all.stream().filter(s -> s.at() > allDownAt + 500 && s.answeredAt() < upAt).toList();
        assertTrue(outage.size() > 10, "load went on during the outage: " + outage.size());
        assertTrue(outage.stream().allMatch(s -> s.status() == 503), "nothing passes while no endpoint answers: "
                + outage.stream().filter(s -> s.status() != 503).toList());
        assertTrue(servedAfter(all, upAt, 20), "service resumes once the endpoints are back");
        long firstServed = all.stream().filter(s -> s.at() > upAt && s.status() == 200).mapToLong(Sent::at).min().orElseThrow();
        long refusedWithOneEndpoint = all.stream().filter(s -> s.at() > oneDownAt && s.answeredAt() < oneDownUntil
                && s.status() == 503).count();
        System.out.printf("Hot Rod: one endpoint of three down: %d served, %d answered 503; all down: %d answers, all 503;"
                + " first request served %d ms after the endpoints came back; %d answers in all%n", servedWithOneEndpoint,
                refusedWithOneEndpoint, outage.size(), firstServed - upAt, all.size());

        SignedHttp.Call afterwards = a.http().post("/canonical-nonce/post", "{\"before\":true}");
        afterwards.headers.putAll(acceptedBefore.headers);
        assertEquals(401, afterwards.send().statusCode(), "the nonce accepted before the outage is still known");
    }

    /**
     * {@code kill -9} of Hot Rod server JVMs under load from 4 callers over both application nodes, while a fifth
     * sends copies of a request accepted before: first one server of three and then another (each started again,
     * a new JVM on its ports, before the next dies), then all three at once. Every answer is served or 503, a
     * copy is never served while a server lives, every request sent while none lives is 503, and service resumes
     * when they are back (with an empty store: what the killed servers held is gone, see the README).
     */
    @Test
    @Order(4)
    void hotRodServersKilledMidLoadAnswer503NeverAPassAndServiceResumesWhenTheyAreBack() throws Exception {
        SignedHttp.Call acceptedBefore = a.http().post("/canonical-nonce/post", "{\"killed\":true}")
                .signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        assertEquals(200, acceptedBefore.send().statusCode());

        long t0 = System.nanoTime();
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        List<Sent> copies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean copying = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(5);
        for (int i = 0; i < 4; i++) {
            ChildServer node = i % 2 == 0 ? a : b;
            load.submit(() -> {
                while (running.get()) {
                    long at = millisSince(t0);
                    HttpResponse<String> r = node.http().get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                            .send();
                    sent.add(new Sent(at, millisSince(t0), r.statusCode(), r.statusCode() == 200 ? "" : r.body()));
                }
                return null;
            });
        }
        load.submit(() -> {
            for (int n = 0; copying.get(); n++) {
                SignedHttp.Call copy = (n % 2 == 0 ? a : b).http().post("/canonical-nonce/post", "{\"killed\":true}");
                copy.headers.putAll(acceptedBefore.headers);
                long at = millisSince(t0);
                HttpResponse<String> r = copy.send();
                copies.add(new Sent(at, millisSince(t0), r.statusCode(), r.body()));
                Thread.sleep(20);
            }
            return null;
        });
        Thread.sleep(1_500);
        List<long[]> rolling = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long killedAt = millisSince(t0);
            infinispan.kill(i);
            Thread.sleep(3_000);
            infinispan.restart(i);
            long backAt = millisSince(t0);
            Thread.sleep(2_000);
            rolling.add(new long[] {killedAt, backAt});
        }
        copying.set(false);
        for (int i = 0; i < infinispan.size(); i++) {
            infinispan.kill(i);
        }
        long allDeadAt = millisSince(t0);
        Thread.sleep(3_000);
        long upAt = millisSince(t0);
        var restart0 = java.util.concurrent.CompletableFuture.runAsync(() -> infinispan.restart(0));
        var restart1 = java.util.concurrent.CompletableFuture.runAsync(() -> infinispan.restart(1));
        infinispan.restart(2);
        restart0.get();
        restart1.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !servedAfter(sent, upAt, 20)) {
            Thread.sleep(250);
        }
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(120, TimeUnit.SECONDS));

        List<Sent> all = List.copyOf(sent);
        for (Sent s : all) {
            assertTrue(s.status() == 200 || s.status() == 503, "every answer is served or 503: " + s);
        }
        for (Sent c : List.copyOf(copies)) {
            assertTrue(c.status() == 401 || c.status() == 503, "a copy of an accepted request is never served: " + c);
        }
        List<Sent> outage = all.stream().filter(s -> s.at() > allDeadAt + 500 && s.answeredAt() < upAt).toList();
        assertTrue(outage.size() > 5, "load went on while no server lived: " + outage.size());
        assertTrue(outage.stream().allMatch(s -> s.status() == 503), "nothing passes while no server lives: "
                + outage.stream().filter(s -> s.status() != 503).toList());
        assertTrue(servedAfter(all, upAt, 20), "service resumes once the servers are back");
        // Between the rolling kills a server always held the nonce: copies were refused as replays, not just 503.
        long refusedAsReplays = copies.stream().filter(c -> c.status() == 401 && c.at() > rolling.get(0)[1]).count();
        assertTrue(refusedAsReplays > 0, "the restarted server got the nonces from the one that lived: " + copies);
        StringBuilder report = new StringBuilder("Hot Rod kill -9:");
        for (int i = 0; i < 2; i++) {
            long killedAt = rolling.get(i)[0];
            long backAt = rolling.get(i)[1];
            report.append(String.format(" server %d killed: %d served, %d x 503 until it was back (%d ms);", i,
                    all.stream().filter(s -> s.at() > killedAt && s.answeredAt() < backAt && s.status() == 200).count(),
                    all.stream().filter(s -> s.at() > killedAt && s.answeredAt() < backAt && s.status() == 503).count(),
                    backAt - killedAt));
        }
        long firstServed = all.stream().filter(s -> s.at() > upAt && s.status() == 200).mapToLong(Sent::at).min().orElseThrow();
        report.append(String.format(" all three killed: %d answers, all 503; first served %d ms after the restarts began;"
                + " copies: %d x 401, %d x 503", outage.size(), firstServed - upAt,
                copies.stream().filter(c -> c.status() == 401).count(), copies.stream().filter(c -> c.status() == 503).count()));
        System.out.println(report);
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
