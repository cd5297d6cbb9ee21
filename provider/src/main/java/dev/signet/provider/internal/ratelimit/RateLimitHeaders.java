// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.ratelimit;

import dev.signet.core.internal.verification.RateLimitStatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the {@code RateLimit-Policy} and {@code RateLimit} fields of
 * <a href="https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/10/">draft-ietf-httpapi-ratelimit-headers-10</a>
 * on every answer of a signed endpoint to a request whose signature verified: the resource's own answers
 * (errors included), its 403 and 429 refusals, and idempotent replays. Each is a Structured Fields list
 * with one item per budget that counted the request: {@code "key"} (the key's budget) and, where the
 * endpoint has one, {@code "endpoint"}, for example
 * <pre>
 * RateLimit-Policy: "key";q=120;w=60, "endpoint";q=10;w=60
 * RateLimit: "key";r=119;t=60, "endpoint";r=9;t=60
 * </pre>
 * {@code r} is what is left after this request, {@code t} the seconds until more is available (on a 429,
 * equal to {@code Retry-After}). A request refused before its signature verified was not counted and
 * gets neither field: its caller is not known to own the key, and the key's quota is not theirs to read.
 * Registered by {@link dev.signet.provider.SignedRequiredFeature} on signed methods only.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class RateLimitHeaders implements ContainerResponseFilter {

    /** The request property holding the {@code List<RateLimitStatus>} of the request's verification. */
    public static final String PROPERTY = "dev.signet.rate-limits";

    public static final String POLICY_FIELD = "RateLimit-Policy";
    public static final String FIELD = "RateLimit";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PROPERTY) instanceof List<?> statuses) || statuses.isEmpty()) {
            return;
        }
        List<RateLimitStatus> budgets = statuses.stream().map(RateLimitStatus.class::cast).toList();
        response.getHeaders().putSingle(POLICY_FIELD, policy(budgets));
        response.getHeaders().putSingle(FIELD, limits(budgets));
    }

    static String policy(List<RateLimitStatus> budgets) {
        return budgets.stream().map(b -> '"' + b.policy() + "\";q=" + b.quota() + ";w=" + b.windowSeconds())
                .collect(Collectors.joining(", "));
    }

    static String limits(List<RateLimitStatus> budgets) {
        return budgets.stream().map(b -> '"' + b.policy() + "\";r=" + b.remaining() + ";t=" + b.resetSeconds())
                .collect(Collectors.joining(", "));
    }
}
