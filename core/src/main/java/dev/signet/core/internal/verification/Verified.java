// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.keys.ApiKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * A request that passed every step: who signed it, under which scheme, from where, and where the budgets
 * that counted it stand (empty when no limit applies).
 */
public record Verified(Credentials credentials, ApiKey key, SignatureScheme scheme, Optional<InetAddress> clientAddress,
        List<RateLimitStatus> rateLimits) implements Verification {

    public Verified {
        rateLimits = List.copyOf(rateLimits);
    }

    public Verified(Credentials credentials, ApiKey key, SignatureScheme scheme, Optional<InetAddress> clientAddress) {
        this(credentials, key, scheme, clientAddress, List.of());
    }
}
