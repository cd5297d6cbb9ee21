// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.ChildServer;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.LoopbackPorts;
import dev.signet.provider.testing.OrderResource;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes in two JVMs, clustered over JGroups TCP on loopback with the shipped
 * {@code signet-clustered.xml}: one rate budget, one replay cache and one idempotency store for both.
 */
class TwoNodeClusterTest {

    static final String SHIPPED_XML = "dev/signet/provider/signet-clustered.xml";

    private static ChildServer a;
    private static ChildServer b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        List<ChildServer> nodes = startCluster("rate", 2, Map.of());
        a = nodes.get(0);
        b = nodes.get(1);
    }

    /** {@code count} application nodes in a cluster of their own, started side by side. */
    static List<ChildServer> startCluster(String name, int count, Map<String, String> extraSettings) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(LoopbackPorts.freeWithOffset(50));
        }
        String hosts = String.join(",", ports.stream().map(p -> "127.0.0.1[" + p + "]").toList());
        String cluster = "signet-" + name + "-" + System.nanoTime();
        Map<String, String> settings = new java.util.HashMap<>(extraSettings);
        settings.put("signet.infinispan.config", SHIPPED_XML);
        // The first node alone, so it is the coordinator the others find: started side by side, two nodes
        // may each found a cluster of one and merge only later.
        List<ChildServer> nodes = new ArrayList<>();
        List<CompletableFuture<ChildServer>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> jvm = Map.of("signet.jgroups.port", String.valueOf(ports.get(i)), "signet.jgroups.hosts", hosts,
                    "signet.jgroups.cluster", cluster);
            String node = name + "-" + (char) ('a' + i);
            if (i == 0) {
                nodes.add(ChildServer.start(node, settings, jvm, EchoResource.class, OrderResource.class));
            } else {
                starting.add(CompletableFuture.supplyAsync(() -> ChildServer.start(node, settings, jvm, EchoResource.class,
                        OrderResource.class)));
            }
        }
        for (CompletableFuture<ChildServer> f : starting) {
            nodes.add(f.get());
        }
        return nodes;
    }

    @AfterAll
    static void stop() {
        for (ChildServer node : new ChildServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void the121stRequestIsRefusedOnWhicheverNodeItLands() {
        SignedHttp[] nodes = {a.http(), b.http()};
        for (int i = 1; i <= 120; i++) {
            HttpResponse<String> ok = nodes[i % 2].get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.RATED).send();
            assertEquals(200, ok.statusCode(), "request " + i + ": " + ok.body());
            String limit = ok.headers().firstValue("RateLimit").orElseThrow();
            assertTrue(limit.startsWith("\"key\";r=" + (120 - i) + ";"), "one budget counts both nodes' requests: " + limit);
        }
        for (SignedHttp node : nodes) {
            HttpResponse<String> limited = node.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.RATED).send();
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("RATE_LIMITED", Json.field(limited.body(), "message"));
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        }
    }

    @Test
    void concurrentCallersOnBothNodesGetExactlyTheBudget() throws Exception {
        SignedHttp[] nodes = {a.http(), b.http()};
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int node = i % 2;
            results.add(pool.submit(() -> {
                go.await();
                return new int[] {node, nodes[node].get("/canonical-nonce/get")
                        .signed(Presets.CANONICAL_NONCE, TestKeys.RATED_TOO).send().statusCode()};
            }));
        }
        go.countDown();
        int ok = 0;
        int[] limitedOn = new int[2];
        for (Future<int[]> f : results) {
            int[] r = f.get();
            if (r[1] == 200) {
                ok++;
            } else {
                assertEquals(429, r[1]);
                limitedOn[r[0]]++;
            }
        }
        pool.shutdown();
        assertEquals(120, ok, "150 concurrent requests over two nodes, 120 a minute allowed");
        assertEquals(30, limitedOn[0] + limitedOn[1]);
    }

    @Test
    void aRequestAcceptedOnOneNodeIsAReplayOnTheOther() {
        SignedHttp.Call call = a.http().post("/canonical-nonce/post", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
        assertEquals(200, call.send().statusCode());
        SignedHttp.Call copy = b.http().post("/canonical-nonce/post", "{\"n\":1}");
        copy.headers.putAll(call.headers);
        HttpResponse<String> replay = copy.send();
        assertEquals(401, replay.statusCode());
        assertEquals("NONCE_REUSED", Json.field(replay.body(), "message"));
    }

    @Test
    void anIdempotentRepeatSentToTheOtherNodeGetsTheFirstResponse() {
        String key = "\"" + java.util.UUID.randomUUID() + "\"";
        HttpResponse<String> first = a.http().post("/orders/create", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                .header("Idempotency-Key", key).send();
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> repeat = b.http().post("/orders/create", "{\"n\":1}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                .header("Idempotency-Key", key).send();
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body(), repeat.body(), "node B answers with node A's run");
        assertEquals(first.headers().firstValue("Location"), repeat.headers().firstValue("Location"));
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElseThrow());
        HttpResponse<String> other = b.http().post("/orders/create", "{\"n\":2}").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER)
                .header("Idempotency-Key", key).send();
        assertEquals(422, other.statusCode());
    }
}
