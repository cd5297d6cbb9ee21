// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import dev.signet.provider.replay.NonceStore;
import dev.signet.provider.replay.NonceStoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infinispan.client.hotrod.Flag;
import org.infinispan.client.hotrod.RemoteCache;

/**
 * The replay cache on a remote Infinispan Server. {@code putIfAbsent} carries {@code FORCE_RETURN_VALUE}:
 * without it a Hot Rod {@code putIfAbsent} answers {@code null} either way, and every replay would pass.
 * Each write stores a token of its own, so a write the client retried after the server applied it (an
 * endpoint going away mid-call) is recognised as this request's, not taken for a replay.
 */
final class RemoteNonceStore implements NonceStore {

    private final RemoteCache<String, String> cache;
    private final RemoteCache<String, String> returning;
    private final WriteTokens tokens = new WriteTokens();

    RemoteNonceStore(RemoteCache<String, String> cache) {
        this.cache = cache;
        this.returning = cache.withFlags(Flag.FORCE_RETURN_VALUE);
    }

    @Override
    public boolean contains(String replayKey) {
        try {
            return cache.containsKey(replayKey);
        } catch (RuntimeException e) {
            throw new NonceStoreUnavailableException("remote replay cache lookup failed", e);
        }
    }

    @Override
    public boolean putIfAbsent(String replayKey, Duration lifespan) {
        try {
            String mine = tokens.next();
            String previous = returning.putIfAbsent(replayKey, mine, lifespan.toMillis(), TimeUnit.MILLISECONDS);
            // Our own token back: the client lost the answer to a write the server applied, and retried it.
            return previous == null || previous.equals(mine);
        } catch (RuntimeException e) {
            throw new NonceStoreUnavailableException("remote replay cache write failed", e);
        }
    }
}
