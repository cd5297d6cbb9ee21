// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import dev.signet.provider.replay.NonceStore;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;

/**
 * The three stores on a remote Infinispan Server (or a cluster of them, or Red Hat Data Grid) over Hot
 * Rod, named by {@code signet.infinispan.hotrod-uri}. The caches must exist on the server. The client
 * gives up on a server after 2 s to connect and 5 s to answer, retrying up to 3 times (on another server
 * when there is one), and tries a failed server again after 5 s; each can be changed in the URI's query
 * ({@code ?connect_timeout=...&socket_timeout=...&max_retries=...&server_failure_timeout=...}).
 * Loaded only when that setting is present, so applications without it need no Hot Rod client jar.
 */
final class RemoteStores extends SignetStores {

    private final RemoteCacheManager manager;
    private final String servers;
    private final RemoteNonceStore nonces;
    private final RemoteEntries rates;
    private final RemoteEntries idempotency;

    private RemoteStores(RemoteCacheManager manager, String servers, String nonceCache, String rateCache,
            String idempotencyCache) {
        this.manager = manager;
        this.servers = servers;
        this.nonces = new RemoteNonceStore(cache(manager, nonceCache));
        this.rates = new RemoteEntries(cache(manager, rateCache));
        this.idempotency = new RemoteEntries(cache(manager, idempotencyCache));
    }

    static SignetStores connect(String uri, String nonceCache, String rateCache, String idempotencyCache) {
        ConfigurationBuilder builder = new ConfigurationBuilder()
                .connectionTimeout(2_000)
                .socketTimeout(5_000)
                .maxRetries(3)
                .serverFailureTimeout(5_000);
        builder.uri(uri); // servers, credentials, and any of the above the URI overrides
        RemoteCacheManager manager = new RemoteCacheManager(builder.build());
        try {
            return new RemoteStores(manager, servers(uri), nonceCache, rateCache, idempotencyCache);
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
    }

    private static RemoteCache<String, String> cache(RemoteCacheManager manager, String name) {
        RemoteCache<String, String> cache;
        try {
            cache = manager.getCache(name);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Signet: the Infinispan Server at signet.infinispan.hotrod-uri cannot be"
                    + " reached to open cache " + name + ": " + e.getMessage(), e);
        }
        if (cache == null) {
            throw new IllegalStateException("Signet: the Infinispan Server has no cache " + name
                    + "; define it there (see README, Many nodes)");
        }
        return cache;
    }

    /** host:port[,host:port], without the credentials or the query. */
    private static String servers(String uri) {
        String rest = uri.substring(uri.indexOf("//") + 2);
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }

    @Override
    public NonceStore nonces() {
        return nonces;
    }

    @Override
    public SharedEntries rates() {
        return rates;
    }

    @Override
    public SharedEntries idempotency() {
        return idempotency;
    }

    @Override
    public String describe() {
        return "remote (" + servers + ")";
    }

    @Override
    public void close() {
        manager.stop();
    }
}
