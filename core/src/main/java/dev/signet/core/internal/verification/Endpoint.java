// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one endpoint asks of a request, decided at deployment: the scopes a key must hold, for senders
 * whose requests name no key (webhooks) the key the endpoint names, and the endpoint's own rate budget.
 *
 * @param scopes        scopes the key must hold, all of them (step 10)
 * @param key           the key the endpoint names, for senders whose requests name none
 * @param ratePerMinute the endpoint's own budget for each key, counted besides the key's budget (step 11);
 *                      0 for none
 * @param name          names the endpoint in its budget's bucket (such as {@code POST /orders}): any text
 *                      that is the same on every node; empty when the endpoint has no budget of its own
 */
public record Endpoint(Set<String> scopes, Optional<String> key, int ratePerMinute, String name) {

    public Endpoint {
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (ratePerMinute < 0) {
            throw new IllegalArgumentException("ratePerMinute must be >= 0");
        }
        if (ratePerMinute > 0 && name.isEmpty()) {
            throw new IllegalArgumentException("an endpoint with a budget of its own needs a name for its bucket");
        }
    }

    /** No budget of the endpoint's own. */
    public Endpoint(Set<String> scopes, Optional<String> key) {
        this(scopes, key, 0, "");
    }

    public static Endpoint scoped(Set<String> scopes) {
        return new Endpoint(scopes, Optional.empty());
    }
}
