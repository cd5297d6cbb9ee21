// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import dev.signet.core.keys.ApiKey;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongSupplier;

/**
 * A short-lived, bounded cache in front of a slow {@link KeyRepository} (a database): each key id is looked
 * up at most once per {@code ttl}, however many requests carry it, and concurrent requests for the same id
 * share one lookup. Absent keys are cached too, so a flood of unknown ids is not a query per request.
 *
 * <p>The bound: a change in the store (a key revoked, disabled, rotated, added) is seen by this node at most
 * {@code ttl} after it was committed. A failed lookup is not cached: it is thrown to the pipeline, which
 * refuses the request (503), and the next request asks the store again. A stale answer is never served
 * after {@code ttl}, not even when the store is down, since serving it could accept a revoked key.
 *
 * <p>At most {@code maxEntries} ids are held; past that, expired entries are dropped first, then any.
 */
public final class CachingKeyRepository implements KeyRepository {

    private final KeyRepository store;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(FutureTask<Optional<ApiKey>> lookup, long loadedAt) {
    }

    public CachingKeyRepository(KeyRepository store, Duration ttl, int maxEntries) {
        this(store, ttl, maxEntries, System::nanoTime);
    }

    /** With {@code nanoTime} as the clock of expiry, for tests. */
    public CachingKeyRepository(KeyRepository store, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        if (ttlNanos == 0) {
            return store.find(keyId);
        }
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(keyId);
        if (entry == null || now - entry.loadedAt() >= ttlNanos) {
            Entry fresh = new Entry(new FutureTask<>(() -> store.find(keyId)), now);
            boolean mine = entry == null ? entries.putIfAbsent(keyId, fresh) == null : entries.replace(keyId, entry, fresh);
            if (mine) {
                fresh.lookup().run();
                entry = fresh;
                if (entries.size() > maxEntries) {
                    shrink(now);
                }
            } else {
                entry = entries.get(keyId); // another request is looking it up: share its answer
                if (entry == null) {
                    return store.find(keyId);
                }
            }
        }
        return answer(keyId, entry);
    }

    private Optional<ApiKey> answer(String keyId, Entry entry) {
        try {
            return entry.lookup().get();
        } catch (ExecutionException e) {
            entries.remove(keyId, entry); // never cache a failure: the next request asks again
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("key lookup failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a key was looked up", e);
        } catch (CancellationException e) {
            entries.remove(keyId, entry);
            throw new IllegalStateException("key lookup cancelled", e);
        }
    }

    private void shrink(long now) {
        entries.values().removeIf(e -> now - e.loadedAt() >= ttlNanos && e.lookup().isDone());
        Iterator<Entry> any = entries.values().iterator();
        while (entries.size() > maxEntries && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    /** Forgets every cached answer: the next lookup of each id asks the store (after a change made here). */
    public void invalidateAll() {
        entries.clear();
    }

    /** How many ids are held now (for tests and diagnostics). */
    public int size() {
        return entries.size();
    }

    /** The store behind the cache. */
    public KeyRepository store() {
        return store;
    }
}
