// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one endpoint asks of a request, decided at deployment: the scopes a key must hold, and, for senders
 * whose requests name no key (webhooks), the key the endpoint names.
 */
public record Endpoint(Set<String> scopes, Optional<String> key) {

    public Endpoint {
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(key, "key");
    }

    public static Endpoint scoped(Set<String> scopes) {
        return new Endpoint(scopes, Optional.empty());
    }
}
