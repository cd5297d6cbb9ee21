// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import dev.signet.provider.replay.InfinispanNonceStore;
import dev.signet.provider.replay.NonceStore;
import dev.signet.provider.settings.SignetSettings;
import java.util.concurrent.TimeUnit;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The three shared stores of one application: replay nonces, rate budgets and idempotency records, all in
 * one Infinispan, in one of three topologies chosen by settings:
 * <ul>
 * <li>embedded local (no setting): one JVM, no network;</li>
 * <li>embedded clustered ({@code signet.infinispan.config}): the caches of an Infinispan XML, clustered
 * over JGroups; a rate or idempotency cache the XML does not define is defined like its nonce cache;</li>
 * <li>remote ({@code signet.infinispan.hotrod-uri}): the caches of an Infinispan Server over Hot Rod.</li>
 * </ul>
 * Owns what it starts and stops it on {@link #close()}.
 */
public abstract class SignetStores implements AutoCloseable {

    public abstract NonceStore nonces();

    public abstract SharedEntries rates();

    public abstract SharedEntries idempotency();

    /** For the start-up line: {@code local}, {@code clustered} or {@code remote (host:port)}. */
    public abstract String describe();

    @Override
    public abstract void close();

    /** The stores the settings name. */
    public static SignetStores from(SignetSettings settings) {
        if (settings.hotRodUri().isPresent()) {
            try {
                return RemoteStores.connect(settings.hotRodUri().get(), settings.infinispanCache(), settings.rateCache(),
                        settings.idempotencyCache());
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException("Signet: signet.infinispan.hotrod-uri needs org.infinispan:infinispan-client-hotrod"
                        + " in the application", e);
            }
        }
        EmbeddedCacheManager manager = settings.infinispanConfig().map(SignetStores::fromXml).orElseGet(SignetStores::local);
        try {
            return new Embedded(manager, settings.infinispanCache(), settings.rateCache(), settings.idempotencyCache());
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
    }

    private static EmbeddedCacheManager local() {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.jmx().disable();
        global.cacheManagerName("signet-" + Long.toHexString(System.nanoTime())); // several WARs per JVM
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        Configuration localCache = new ConfigurationBuilder()
                .clustering().cacheMode(CacheMode.LOCAL)
                .expiration().wakeUpInterval(5, TimeUnit.SECONDS)
                .build();
        manager.defineConfiguration(InfinispanNonceStore.DEFAULT_CACHE, localCache);
        return manager;
    }

    private static EmbeddedCacheManager fromXml(String configuration) {
        try {
            return new DefaultCacheManager(configuration);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read Infinispan configuration " + configuration, e);
        }
    }

    /** Embedded caches, local or clustered, on one cache manager. */
    static final class Embedded extends SignetStores {

        private final EmbeddedCacheManager manager;
        private final InfinispanNonceStore nonces;
        private final EmbeddedEntries rates;
        private final EmbeddedEntries idempotency;

        Embedded(EmbeddedCacheManager manager, String nonceCache, String rateCache, String idempotencyCache) {
            this.manager = manager;
            Configuration nonceConfiguration = manager.getCacheConfiguration(nonceCache);
            if (nonceConfiguration == null) {
                nonceConfiguration = manager.getCacheConfiguration(InfinispanNonceStore.DEFAULT_CACHE);
                if (nonceConfiguration == null) {
                    throw new IllegalStateException("Signet: the Infinispan configuration defines no cache " + nonceCache);
                }
                manager.defineConfiguration(nonceCache, nonceConfiguration);
            }
            for (String name : new String[] {rateCache, idempotencyCache}) {
                if (manager.getCacheConfiguration(name) == null) {
                    manager.defineConfiguration(name, new ConfigurationBuilder().read(nonceConfiguration).build());
                }
            }
            this.nonces = InfinispanNonceStore.on(manager, nonceCache);
            this.rates = new EmbeddedEntries(manager.getCache(rateCache));
            this.idempotency = new EmbeddedEntries(manager.getCache(idempotencyCache));
        }

        @Override
        public NonceStore nonces() {
            return nonces;
        }

        @Override
        public EmbeddedEntries rates() {
            return rates;
        }

        @Override
        public EmbeddedEntries idempotency() {
            return idempotency;
        }

        @Override
        public String describe() {
            return nonces.isClustered() ? "clustered" : "local";
        }

        @Override
        public void close() {
            manager.stop();
        }
    }
}
