// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.replay;

import dev.signet.provider.internal.store.WriteTokens;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The default {@link NonceStore}: an Infinispan cache whose entries live for the scheme's window plus the
 * allowed clock skew. Embedded and local unless an Infinispan XML configuration is named, in which case
 * that file's cache (clustered over JGroups, or anything else it defines) is used, so a replay is refused
 * on every node.
 */
public final class InfinispanNonceStore implements NonceStore, AutoCloseable {

    public static final String DEFAULT_CACHE = "signet-nonces";

    /** What a local cache stores: the key is the record; one shared value costs an entry nothing. */
    private static final String ACCEPTED = "";

    private final EmbeddedCacheManager manager;
    private final Cache<String, String> cache;
    private final boolean clustered;
    private final WriteTokens tokens = new WriteTokens();

    private InfinispanNonceStore(EmbeddedCacheManager manager, String cacheName) {
        this.manager = manager;
        this.cache = manager.getCache(cacheName);
        this.clustered = cache.getCacheConfiguration().clustering().cacheMode().isClustered();
    }

    /**
     * The cache {@code cacheName} of a cache manager that also holds other Signet caches; {@link #close()}
     * stops that manager, and so all of them.
     */
    public static InfinispanNonceStore on(EmbeddedCacheManager manager, String cacheName) {
        return new InfinispanNonceStore(manager, cacheName);
    }

    /** A local, in-JVM cache: no configuration, no network. */
    public static InfinispanNonceStore local() {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.jmx().disable();
        global.cacheManagerName("signet-" + Long.toHexString(System.nanoTime())); // several WARs per JVM
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        manager.defineConfiguration(DEFAULT_CACHE, new ConfigurationBuilder()
                .clustering().cacheMode(CacheMode.LOCAL)
                .expiration().wakeUpInterval(5, TimeUnit.SECONDS)
                .build());
        return new InfinispanNonceStore(manager, DEFAULT_CACHE);
    }

    /** The cache {@code cacheName} of an Infinispan XML configuration, a file path or a class-path resource. */
    public static InfinispanNonceStore fromXml(String configuration, String cacheName) {
        try {
            return new InfinispanNonceStore(new DefaultCacheManager(configuration), cacheName);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read Infinispan configuration " + configuration, e);
        }
    }

    @Override
    public boolean contains(String replayKey) {
        try {
            return cache.containsKey(replayKey);
        } catch (CacheException | IllegalStateException e) {
            throw new NonceStoreUnavailableException("replay cache lookup failed", e);
        }
    }

    @Override
    public boolean putIfAbsent(String replayKey, Duration lifespan) {
        try {
            if (!clustered) { // nothing retries a local write: any previous value is a replay
                return cache.putIfAbsent(replayKey, ACCEPTED, lifespan.toMillis(), TimeUnit.MILLISECONDS) == null;
            }
            // A token of this write: a clustered cache that retries a write it applied (across a topology
            // change) answers with it, and this request is not taken for its own replay.
            String mine = tokens.next();
            String previous = cache.putIfAbsent(replayKey, mine, lifespan.toMillis(), TimeUnit.MILLISECONDS);
            return previous == null || previous.equals(mine);
        } catch (CacheException | IllegalStateException e) {
            throw new NonceStoreUnavailableException("replay cache write failed", e);
        }
    }

    /** Entries currently held; for tests and metrics. */
    public int size() {
        return cache.size();
    }

    public boolean isClustered() {
        return clustered;
    }

    /** Stops the cache manager, with every cache on it. */
    @Override
    public void close() {
        manager.stop();
    }
}
