// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import dev.signet.core.keys.ApiKey;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fixed set of keys held in memory. Not a CDI bean by itself: produce or wrap it in your own. */
public final class InMemoryKeyRepository implements KeyRepository {

    private final Map<String, ApiKey> keys;

    public InMemoryKeyRepository(Collection<ApiKey> keys) {
        this.keys = keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::id, Function.identity()));
    }

    public static InMemoryKeyRepository of(ApiKey... keys) {
        return new InMemoryKeyRepository(java.util.List.of(keys));
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Collection<ApiKey> all() {
        return keys.values();
    }
}
