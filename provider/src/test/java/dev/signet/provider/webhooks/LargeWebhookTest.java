// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.MutableKeys;
import dev.signet.provider.testing.SignetTestServer;
import dev.signet.provider.testing.TestSettings;
import dev.signet.provider.testing.WebhookResource;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB Stripe webhook verifies in a JVM whose heap is at most 64 MiB: the server spools the body to disk
 * while the scheme's MAC streams over it, and the resource reads it back. Runs in its own surefire execution
 * with {@code -Xmx64m} (provider/pom.xml), server and sender in that one JVM; the test first checks that the
 * heap really is that small.
 */
class LargeWebhookTest {

    private static final long SIZE = 1L << 30;
    private static final String SECRET = "whsec_a-stripe-signing-secret-for-the-1GiB-test";

    @TempDir
    Path spool;

    @Test
    void aOneGibWebhookVerifiesWithinA64MibHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        String why = "this test proves its point only with -Xmx64m, not " + (maxHeap >> 20) + " MiB";
        if (Boolean.getBoolean("signet.test.xmx64m")) { // its own surefire execution: the heap must be that small
            assertTrue(maxHeap <= 64L * 1024 * 1024, why);
        } else { // picked by -Dtest in the default execution's larger heap
            org.junit.jupiter.api.Assumptions.assumeTrue(maxHeap <= 64L * 1024 * 1024, why);
        }

        WebhookScheme stripe = WebhookPresets.STRIPE;
        Instant now = Instant.now();
        BodyHash.Hasher expected = BodyHash.hasher();
        BodySource generated = sink -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = body()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    sink.update(buffer, 0, n);
                    expected.update(buffer, 0, n);
                }
            }
            return true;
        };
        Map<String, String> headers = stripe.sign(new WebhookScheme.Delivery("evt_large", now), java.util.List.of(Secret.of(SECRET)),
                generated).headers();

        MutableKeys keys = new MutableKeys().put(ApiKey.of(WebhookResource.STRIPE_KEY, SECRET));
        try (SignetTestServer server = SignetTestServer.start(new TestSettings(Map.of(
                "signet.max-body-bytes", String.valueOf(2 * SIZE),
                "signet.spool-directory", spool.toString()), Clock.systemUTC(), keys),
                SignetTestServer.CONTEXT, SignetTestServer.APPLICATION, WebhookResource.class)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/hooks/stripe"))
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(LargeWebhookTest::body), SIZE))
                    .header("Content-Type", "application/json");
            headers.forEach(request::header);
            HttpResponse<String> answer = new Deliveries(server.baseUri()).client().send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(SIZE, Json.parse(answer.body()).getJsonNumber("bodyLength").longValue());
            assertEquals(expected.finish().hex(), Json.parse(answer.body()).getString("bodySha256"));
            try (var left = Files.list(spool)) {
                assertEquals(0, left.count(), "the spooled body is deleted after the response");
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("1 GiB stripe webhook verified; max heap %d MiB, sum of heap pools' peaks %d MiB%n",
                maxHeap >> 20, peak >> 20);
    }

    /** 1 GiB of deterministic bytes made on the fly: the body never exists in memory, nor on the sender's disk. */
    private static InputStream body() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= SIZE) {
                    return -1;
                }
                int n = (int) Math.min(len, SIZE - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    b[off + i] = (byte) (p ^ (p >>> 9) ^ (p >>> 19));
                }
                position += n;
                return n;
            }
        };
    }

}
