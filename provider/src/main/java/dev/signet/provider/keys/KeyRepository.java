// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys;

import dev.signet.core.keys.ApiKey;
import java.util.Optional;

/**
 * Where the filter finds API keys. An application provides one CDI bean implementing this; without one,
 * Signet uses the JSON key file named by {@code signet.keys.file}, or refuses every key.
 * Called once per signed request, so it should answer from memory or a cache.
 */
public interface KeyRepository {

    Optional<ApiKey> find(String keyId);
}
