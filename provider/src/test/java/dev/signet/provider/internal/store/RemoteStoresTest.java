// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.provider.replay.NonceStoreUnavailableException;
import dev.signet.provider.testing.HotRodTestCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remote stores' guarantees, straight against real Hot Rod endpoints of a two-node cluster. */
class RemoteStoresTest {

    private static HotRodTestCluster cluster;
    private static SignetStores stores;

    @BeforeAll
    static void start() {
        cluster = HotRodTestCluster.start(2);
        stores = RemoteStores.connect(cluster.uri(""), "signet-nonces", "signet-rates", "signet-idempotency");
    }

    @AfterAll
    static void stop() {
        if (stores != null) {
            stores.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRemotePutIfAbsentKnowsTheKeyWasThere() {
        String nonce = "nonce-" + System.nanoTime();
        assertTrue(stores.nonces().putIfAbsent(nonce, Duration.ofMinutes(1)));
        assertFalse(stores.nonces().putIfAbsent(nonce, Duration.ofMinutes(1)),
                "without FORCE_RETURN_VALUE, Hot Rod answers null and the replay would pass");
        assertTrue(stores.nonces().contains(nonce));
        assertTrue(cluster.contains(0, "signet-nonces", nonce), "held by the server's cache");
        assertTrue(cluster.contains(1, "signet-nonces", nonce), "replicated to the other server");
    }

    @Test
    void versionedWritesLoseToAWriterThatCameFirst() {
        SharedEntries rates = stores.rates();
        String key = "bucket-" + System.nanoTime();
        SharedEntries.Entry created = rates.create(key, "a", Duration.ofMinutes(1));
        assertNotNull(created);
        assertNull(rates.create(key, "b", Duration.ofMinutes(1)), "only one creator");
        SharedEntries.Entry read = rates.read(key);
        assertEquals("a", read.value());
        assertTrue(rates.replace(read, "c", Duration.ofMinutes(1)));
        assertFalse(rates.replace(read, "d", Duration.ofMinutes(1)), "the version it read is gone");
        assertEquals("c", rates.read(key).value());
        assertFalse(rates.remove(read));
        assertTrue(rates.remove(rates.read(key)));
        assertNull(rates.read(key));
    }

    @Test
    void entriesExpireOnTheServer() throws InterruptedException {
        String key = "short-" + System.nanoTime();
        assertNotNull(stores.idempotency().create(key, "x", Duration.ofMillis(500)));
        Thread.sleep(1_000);
        assertNull(stores.idempotency().read(key));
    }

    @Test
    void aMissingCacheFailsTheStartNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RemoteStores.connect(cluster.uri(""), "signet-nonces", "no-such-cache", "signet-idempotency"));
        assertTrue(e.getMessage().contains("no-such-cache"), e.getMessage());
    }

    @Test
    void withEveryEndpointDownTheStoresThrowNeverAnswer() {
        try (SignetStores own = RemoteStores.connect(cluster.uri(""), "signet-nonces", "signet-rates", "signet-idempotency")) {
            assertTrue(own.nonces().putIfAbsent("before-" + System.nanoTime(), Duration.ofMinutes(1)));
            for (int i = 0; i < cluster.size(); i++) {
                cluster.stopEndpoint(i);
            }
            try {
                assertThrows(NonceStoreUnavailableException.class, () -> own.nonces().putIfAbsent("during", Duration.ofMinutes(1)));
                assertThrows(StoreUnavailableException.class, () -> own.rates().read("during"));
            } finally {
                for (int i = 0; i < cluster.size(); i++) {
                    cluster.startEndpoint(i);
                }
            }
        }
    }
}
