// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Floods over HTTP: forged requests never reach the replay cache and leave the heap flat; valid ones are each
 * recorded once and forgotten after their lifespan. Counts are the issue's; {@code -Dsignet.test.forged=N}
 * and {@code -Dsignet.test.valid=N} change them for a quick local run.
 */
class FloodTest {

    private static final int FORGED = Integer.getInteger("signet.test.forged", 100_000);
    private static final int VALID = Integer.getInteger("signet.test.valid", 10_000);
    private static final int CALLERS = 8;

    @Test
    void aHundredThousandForgedRequestsLeaveTheReplayCacheEmptyAndTheHeapFlat() throws Exception {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.rate-limit.default-per-minute", "0"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            InfinispanNonceStore store = (InfinispanNonceStore) s.server().bean(SignetRuntime.class).nonces();
            flood(1_000, i -> forged(http, i)); // warm up: classes loaded, pools grown
            long heapBefore = usedHeapAfterGc();
            AtomicInteger refused = flood(FORGED, i -> forged(http, i));
            long heapAfter = usedHeapAfterGc();
            assertEquals(FORGED, refused.get(), "every forged request is refused");
            assertEquals(0, store.size(), "nothing forged is recorded");
            assertTrue(heapAfter - heapBefore < 32L * 1024 * 1024,
                    "heap grew by " + (heapAfter - heapBefore) / 1024 + " KiB over " + FORGED + " forged requests");
            assertEquals(200, http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
        }
    }

    @Test
    void tenThousandDistinctValidRequestsAreRecordedOnceEachAndForgottenAfterTheirLifespan() throws Exception {
        // A 5 s window and no skew make the lifespan (2 x window + skew) 10 s, so the test can watch it end.
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.rate-limit.default-per-minute", "0",
                "signet.window-seconds", "5", "signet.clock-skew-seconds", "0"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            InfinispanNonceStore store = (InfinispanNonceStore) s.server().bean(SignetRuntime.class).nonces();
            AtomicInteger accepted = flood(VALID, i -> http.get("/default/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER)
                    .send().statusCode() == 200);
            assertEquals(VALID, accepted.get());
            assertEquals(VALID, store.size(), "one entry per accepted request");
            long deadline = System.currentTimeMillis() + 30_000;
            while (store.size() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, store.size(), "every entry expires after its lifespan");
        }
    }

    private static boolean forged(SignedHttp http, int i) {
        return http.get("/canonical-nonce/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER.id(),
                Secret.of("forged-" + i), Clock.systemUTC()).send().statusCode() == 401;
    }

    /** Runs {@code count} calls on {@value #CALLERS} callers; counts those that answered true. */
    private static AtomicInteger flood(int count, IntFunction<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger yes = new AtomicInteger();
        Future<?>[] callers = new Future<?>[CALLERS];
        for (int c = 0; c < CALLERS; c++) {
            callers[c] = pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (call.apply(i)) {
                        yes.incrementAndGet();
                    }
                }
            });
        }
        for (Future<?> caller : callers) {
            caller.get();
        }
        pool.shutdown();
        return yes;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
