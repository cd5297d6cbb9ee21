// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.signet.core.keys.ApiKey;
import dev.signet.provider.keys.KeyRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The application's own key store, as a user writes one: Signet must call it instead of any built-in. */
@ApplicationScoped
public class AppKeyRepository implements KeyRepository {

    private final Map<String, ApiKey> keys = AppKeys.all().stream()
        .collect(Collectors.toUnmodifiableMap(ApiKey::id, Function.identity()));
    private final AtomicLong lookups = new AtomicLong();

    @Override
    public Optional<ApiKey> find(String keyId) {
        lookups.incrementAndGet();
        return Optional.ofNullable(keys.get(keyId));
    }

    /** How often Signet asked; the scenarios read it to see that this bean, not a built-in, answered. */
    public long lookups() {
        return lookups.get();
    }
}
