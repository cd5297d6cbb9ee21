// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The cluster tests' open barrier, called directly: its bounds, and that it answers only when all are in. */
class ClusterResourceTest {

    @Test
    void partiesOutsideTwoTo256OrALongNameAre400WithoutWaiting() throws Exception {
        ClusterResource resource = new ClusterResource();
        for (int parties : new int[] {Integer.MIN_VALUE, -1, 0, 1, 257, Integer.MAX_VALUE}) {
            assertEquals(400, resource.barrier("x", parties).getStatus(), "parties " + parties);
        }
        assertEquals(400, resource.barrier("n".repeat(65), 2).getStatus());
    }

    @Test
    void fourPartiesAreAnsweredTogether() throws Exception {
        String name = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> new ClusterResource().barrier(name, 4)));
            }
            for (Future<Response> answer : answers) {
                assertEquals(200, answer.get().getStatus());
            }
        } finally {
            pool.shutdown();
        }
    }
}
