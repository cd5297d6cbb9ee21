// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;

/**
 * {@link SharedEntries} on an embedded Infinispan cache, local or clustered. A conditional write compares
 * the whole value, which is the entry's whole state, so a value that changed and changed back is as good
 * as unchanged. On a clustered cache the primary owner applies each conditional write atomically; a cache
 * that lost its majority in a split throws {@code AvailabilityException}, answered as unavailable.
 */
public final class EmbeddedEntries implements SharedEntries {

    private final Cache<String, String> cache;

    public EmbeddedEntries(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Entry read(String key) {
        try {
            String value = cache.get(key);
            return value == null ? null : new Entry(key, value, 0);
        } catch (CacheException | IllegalStateException e) {
            throw new StoreUnavailableException("shared cache " + cache.getName() + " read failed", e);
        }
    }

    @Override
    public Entry create(String key, String value, Duration lifespan) {
        try {
            String previous = cache.putIfAbsent(key, value, lifespan.toMillis(), TimeUnit.MILLISECONDS);
            // Our own value: a clustered cache retried, across a topology change, a write it had applied.
            return previous == null || previous.equals(value) ? new Entry(key, value, 0) : null;
        } catch (CacheException | IllegalStateException e) {
            throw new StoreUnavailableException("shared cache " + cache.getName() + " write failed", e);
        }
    }

    @Override
    public boolean replace(Entry expected, String value, Duration lifespan) {
        try {
            return cache.replace(expected.key(), expected.value(), value, lifespan.toMillis(), TimeUnit.MILLISECONDS)
                    || value.equals(cache.get(expected.key()));
        } catch (CacheException | IllegalStateException e) {
            throw new StoreUnavailableException("shared cache " + cache.getName() + " write failed", e);
        }
    }

    @Override
    public boolean remove(Entry expected) {
        try {
            return cache.remove(expected.key(), expected.value());
        } catch (CacheException | IllegalStateException e) {
            throw new StoreUnavailableException("shared cache " + cache.getName() + " remove failed", e);
        }
    }

    /** Entries held (on this node); for tests. */
    public int size() {
        return cache.size();
    }
}
