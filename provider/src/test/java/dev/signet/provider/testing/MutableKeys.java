// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.keys.ApiKey;
import dev.signet.provider.keys.KeyRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A key repository a test changes between requests: give it to {@link TestSettings} in place of {@link TestKeys}. */
public final class MutableKeys implements KeyRepository {

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    /** What a lookup of {@code id} returns from now on (a key whose own id may differ, as a repository's may). */
    public MutableKeys put(String id, ApiKey key) {
        keys.put(id, key);
        return this;
    }

    public MutableKeys put(ApiKey key) {
        return put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }
}
