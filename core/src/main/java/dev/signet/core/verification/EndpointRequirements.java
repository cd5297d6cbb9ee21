package dev.signet.core.verification;

import java.util.Objects;
import java.util.Set;

/**
 * What an endpoint asks of a request beyond a valid signature, resolved once at deployment.
 *
 * @param scopes        scopes the key must hold, all of them (step 10)
 * @param ratePerMinute the endpoint's own budget for each key, counted besides the key's budget; 0 for none
 * @param endpoint      names the endpoint in its budget's bucket (such as {@code POST /orders}); any text
 *                      that is the same on every node
 */
public record EndpointRequirements(Set<String> scopes, int ratePerMinute, String endpoint) {

    public EndpointRequirements {
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(endpoint, "endpoint");
        if (ratePerMinute < 0) {
            throw new IllegalArgumentException("ratePerMinute must be >= 0");
        }
    }

    /** Scopes only: no budget of the endpoint's own. */
    public static EndpointRequirements scopes(Set<String> scopes) {
        return new EndpointRequirements(scopes, 0, "");
    }
}
