// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.signet.it.app.AppKeys;
import dev.signet.it.scenarios.HandSignedRequest;
import dev.signet.it.scenarios.LoopbackOnly;
import dev.signet.it.scenarios.ScenarioWar;

/**
 * Two GlassFish domains, each with the same WAR, behind an imaginary load balancer: their Signet replay caches
 * are one replicated Infinispan cache over JGroups TCP on 127.0.0.1 (test resource cluster/signet-cluster.xml,
 * named by each domain's signet.infinispan.config JVM option). A request accepted by one node is a replay on
 * the other; the last test stops node B and node A carries on. Node A is the Arquillian container; node B
 * is {@link SecondDomain}, started before the first test.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlassFishClusterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private static final byte[] BODY = "{\"transfer\":\"42.00 €\"}".getBytes(StandardCharsets.UTF_8);

    private static final SecondDomain NODE_B = SecondDomain.fromSystemProperties();

    @ArquillianResource
    URL nodeA;

    @Deployment(testable = false)
    static WebArchive onNodeA() {
        return ScenarioWar.create();
    }

    @BeforeAll
    static void nodeBRuns() throws Exception {
        NODE_B.start();
        NODE_B.deploy(ScenarioWar.create());
    }

    @AfterAll
    static void nodeBStops() throws Exception {
        // Node B is a separate server process: never leave it running after the suite, even when a test failed.
        NODE_B.stop();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json-payload", "canonical", "canonical-nonce"})
    void aRequestAcceptedByNodeAIsRefusedAsAReplayByNodeB(String preset) throws Exception {
        Instant now = Instant.now();
        String nonce = UUID.randomUUID().toString();

        HttpResponse<String> first = HTTP.send(signed(nodeA(), preset, now, nonce), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replay = HTTP.send(signed(nodeB(), preset, now, nonce), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("NONCE_REUSED") || replay.body().contains("/problems/replayed"), replay.body());
    }

    @Order(2)
    @Test
    void aRequestAcceptedByNodeBIsRefusedAsAReplayByNodeA() throws Exception {
        Instant now = Instant.now();
        String nonce = UUID.randomUUID().toString();

        assertEquals(200, HTTP.send(signed(nodeB(), "canonical-nonce", now, nonce), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> replay = HTTP.send(signed(nodeA(), "canonical-nonce", now, nonce), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("NONCE_REUSED"), replay.body());
    }

    @Order(3)
    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = {1, 2, 3})
    void sixtyFourCopiesOfOneRequestSplitAcrossBothNodesYieldExactlyOneSuccess(int round) throws Exception {
        Instant now = Instant.now();
        String nonce = UUID.randomUUID().toString();
        List<HttpRequest> copies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            copies.add(signed(i % 2 == 0 ? nodeA() : nodeB(), "canonical-nonce", now, nonce));
        }

        Map<Integer, Integer> statuses = sendAtOnce(copies);

        assertEquals(Map.of(200, 1, 401, 63), statuses, () -> "status -> count in round " + round);
    }

    @Order(4)
    @Test
    void bothNodesAndTheirClusterTransportListenOnLoopbackOnly() throws Exception {
        for (String domain : List.of("domain1", "domain2")) {
            long pid = domain.equals("domain2") ? NODE_B.pid() : Long.parseLong(Files.readString(Path.of(
                System.getProperty("glassfish.home"), "glassfish", "domains", domain, "config", "pid")).trim());
            int jgroupsPort = Integer.parseInt(System.getProperty(
                domain.equals("domain1") ? "it.jgroups.port1" : "it.jgroups.port2"));

            LoopbackOnly.assertListening(pid, Map.of(domain + ": the JGroups transport", jgroupsPort));
        }
    }

    @Order(5)
    @Test
    void afterNodeBStopsNodeAKeepsAnsweringAndRefusesReplaysOfWhatBAccepted() throws Exception {
        List<HttpRequest> acceptedByB = new ArrayList<>();
        List<HttpRequest> sameToA = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant now = Instant.now();
            String nonce = UUID.randomUUID().toString();
            HttpRequest toB = signed(nodeB(), "canonical-nonce", now, nonce);
            assertEquals(200, HTTP.send(toB, HttpResponse.BodyHandlers.ofString()).statusCode());
            acceptedByB.add(toB);
            sameToA.add(signed(nodeA(), "canonical-nonce", now, nonce));
        }

        // Fresh requests keep going to node A while node B shuts down underneath it.
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> answersOfA = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> traffic = load.submit(() -> {
            while (running.get()) {
                HttpResponse<String> response = HTTP.send(
                    signed(nodeA(), "canonical-nonce", Instant.now(), UUID.randomUUID().toString()),
                    HttpResponse.BodyHandlers.ofString());
                answersOfA.add(response.statusCode() + " " + response.body());
                Thread.sleep(20);
            }
            return null;
        });
        Thread.sleep(500);
        NODE_B.stop();
        int answeredBeforeStopReturned = answersOfA.size();
        Thread.sleep(2_000);
        running.set(false);
        traffic.get();
        load.shutdown();

        assertTrue(answersOfA.size() > answeredBeforeStopReturned, "node A stopped answering once B was gone");
        assertEquals(List.of(), answersOfA.stream().filter(answer -> !answer.startsWith("200 ")).toList());
        for (HttpRequest replay : sameToA) {
            HttpResponse<String> response = HTTP.send(replay, HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(response.body().contains("NONCE_REUSED"), response.body());
        }
    }

    private URI nodeA() {
        return URI.create(nodeA.toExternalForm());
    }

    private static URI nodeB() {
        return URI.create("http://127.0.0.1:" + System.getProperty("glassfish.domain2.httpPort") + "/" + ScenarioWar.NAME + "/");
    }

    /** The same signature for the same (time, nonce) on either node: the signed path does not name the host. */
    private static HttpRequest signed(URI node, String preset, Instant time, String nonce) {
        return HandSignedRequest.of(preset, "POST", node.resolve("api/" + preset + "/echo"))
            .key(AppKeys.WRITER, AppKeys.secretOf(AppKeys.WRITER))
            .body(BODY)
            .at(time)
            .nonce(nonce)
            .build();
    }

    /** Sends every request from its own thread, released together; answers status -> how many. */
    private static Map<Integer, Integer> sendAtOnce(List<HttpRequest> requests) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (HttpRequest request : requests) {
                statuses.add(callers.submit(() -> {
                    go.await();
                    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            callers.shutdown();
        }
    }
}
