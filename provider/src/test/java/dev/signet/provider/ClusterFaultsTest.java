// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.ChildServer;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the shipped {@code signet-clustered.xml} (DENY_READ_WRITES) does when one of two nodes goes: a
 * graceful stop is a leave, and the survivor serves on; a {@code kill -9} cannot be told from a split,
 * and the survivor, no longer a majority, answers 503. Either way no replay is ever accepted.
 */
class ClusterFaultsTest {

    @Test
    void afterAGracefulStopTheSurvivorServesOnAndStillKnowsTheOthersNonces() throws Exception {
        List<ChildServer> nodes = TwoNodeClusterTest.startCluster("graceful", 2, Map.of());
        ChildServer a = nodes.get(0);
        ChildServer b = nodes.get(1);
        try {
            SignedHttp.Call accepted = b.http().post("/canonical-nonce/post", "{\"on\":\"b\"}")
                    .signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
            assertEquals(200, accepted.send().statusCode());
            b.close();
            HttpResponse<String> replay = copy(a, accepted).send();
            assertEquals(401, replay.statusCode(), replay.body());
            assertEquals("NONCE_REUSED", Json.field(replay.body(), "message"));
            assertEquals(200, a.http().get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER).send()
                    .statusCode(), "the survivor of a graceful stop serves");
        } finally {
            b.close();
            a.close();
        }
    }

    @Test
    void afterAKillTheSurvivorRefusesWith503AndNoReplayOfTheDeadNodesRequestsIsAccepted() throws Exception {
        List<ChildServer> nodes = TwoNodeClusterTest.startCluster("killed", 2, Map.of());
        try (ChildServer a = nodes.get(0); ChildServer b = nodes.get(1)) {
            List<SignedHttp.Call> acceptedOnB = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                SignedHttp.Call call = b.http().post("/canonical-nonce/post", "{\"n\":" + i + "}")
                        .signed(Presets.CANONICAL_NONCE, TestKeys.WRITER);
                assertEquals(200, call.send().statusCode());
                acceptedOnB.add(call);
            }
            // Replays of what B accepted race B's death on A.
            AtomicBoolean racing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<Integer>>> racers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                racers.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = offset; racing.get(); i = (i + 1) % acceptedOnB.size()) {
                        statuses.add(copy(a, acceptedOnB.get(i)).send().statusCode());
                    }
                    return statuses;
                }));
            }
            Thread.sleep(500);
            b.kill();
            Thread.sleep(5_000);
            racing.set(false);
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : racers) {
                statuses.addAll(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertTrue(statuses.size() > 20, "replays raced the kill: " + statuses.size());
            assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 503), "no replay accepted: " + statuses);

            HttpResponse<String> fresh = a.http().get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.WRITER).send();
            assertEquals(503, fresh.statusCode(), "alone, the survivor of a crash is not a majority: " + fresh.body());
            assertEquals("SERVICE_UNAVAILABLE", Json.field(fresh.body(), "message"));
            System.out.printf("kill -9 of one node of two: %d replays raced it on the survivor: %d x 401, %d x 503, none"
                    + " accepted; a fresh request then: 503%n", statuses.size(), statuses.stream().filter(s -> s == 401).count(),
                    statuses.stream().filter(s -> s == 503).count());
        }
    }

    private static SignedHttp.Call copy(ChildServer node, SignedHttp.Call call) {
        SignedHttp.Call copy = node.http().call(call.method, call.path, call.body);
        copy.headers.putAll(call.headers);
        return copy;
    }
}
