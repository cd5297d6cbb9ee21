// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.client.hotrod.Flag;
import org.infinispan.client.hotrod.MetadataValue;
import org.infinispan.client.hotrod.RemoteCache;

/**
 * {@link SharedEntries} on a remote Infinispan Server cache over Hot Rod. Conditional writes use the
 * entry's server-side version ({@code replaceWithVersion}, {@code removeWithVersion}); creation is a
 * {@code putIfAbsent} that asks for the previous value ({@code FORCE_RETURN_VALUE}): without it Hot Rod
 * answers {@code null}, "absent", whether or not the entry existed. Any client failure (server gone,
 * timeout) is {@link StoreUnavailableException}.
 */
final class RemoteEntries implements SharedEntries {

    private final RemoteCache<String, String> cache;
    private final RemoteCache<String, String> returning;

    RemoteEntries(RemoteCache<String, String> cache) {
        this.cache = cache;
        this.returning = cache.withFlags(Flag.FORCE_RETURN_VALUE);
    }

    @Override
    public Entry read(String key) {
        try {
            MetadataValue<String> found = cache.getWithMetadata(key);
            return found == null ? null : new Entry(key, found.getValue(), found.getVersion());
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("remote cache " + cache.getName() + " read failed", e);
        }
    }

    @Override
    public Entry create(String key, String value, Duration lifespan) {
        try {
            String previous = returning.putIfAbsent(key, value, lifespan.toMillis(), TimeUnit.MILLISECONDS);
            if (previous != null && !previous.equals(value)) {
                return null; // another writer's (ours would mean the client retried a write the server applied)
            }
            Entry written = read(key); // the version a later conditional write needs
            return written != null && written.value().equals(value) ? written : new Entry(key, value, -1);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("remote cache " + cache.getName() + " write failed", e);
        }
    }

    @Override
    public boolean replace(Entry expected, String value, Duration lifespan) {
        try {
            return cache.replaceWithVersion(expected.key(), value, expected.version(), lifespan.toMillis(),
                    TimeUnit.MILLISECONDS, 0, TimeUnit.MILLISECONDS) || value.equals(cache.get(expected.key()));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("remote cache " + cache.getName() + " write failed", e);
        }
    }

    @Override
    public boolean remove(Entry expected) {
        try {
            return cache.removeWithVersion(expected.key(), expected.version());
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("remote cache " + cache.getName() + " remove failed", e);
        }
    }
}
