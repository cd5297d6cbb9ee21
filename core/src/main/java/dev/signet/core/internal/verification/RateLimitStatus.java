// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.Objects;

/**
 * One quota policy that counted a verified request, and where its budget stands after it: what the
 * {@code RateLimit-Policy} and {@code RateLimit} response fields report.
 *
 * @param policy        the policy's name: {@link #KEY} for the key's budget, {@link #ENDPOINT} for an
 *                      endpoint's own budget for the key
 * @param quota         requests allowed in the window
 * @param windowSeconds the window's length
 * @param remaining     requests left in the window after this one
 * @param resetSeconds  seconds until more of the budget is available again
 */
public record RateLimitStatus(String policy, int quota, int windowSeconds, int remaining, long resetSeconds) {

    /** The key's own budget: its {@code rateLimitPerMinute}, or the server's default. */
    public static final String KEY = "key";
    /** An endpoint's budget for each key, from the endpoint's declaration. */
    public static final String ENDPOINT = "endpoint";

    public RateLimitStatus {
        Objects.requireNonNull(policy, "policy");
    }
}
