// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.keys.ApiKey;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * What the pipeline asks of the world around it. Each port is one small interface so a server, a cluster
 * and an offline tool can each supply their own. Any runtime exception a port throws refuses the request
 * (503 for keys and replay), never lets it through.
 */
public final class Ports {

    private Ports() {
    }

    /** Finds a key by the id the caller sent; the id of the key it returns is the caller's identity. */
    @FunctionalInterface
    public interface KeyLookup {
        Optional<ApiKey> find(String keyId);
    }

    /** The replay cache: put-if-absent is the only write. */
    public interface ReplayStore {

        /** Whether a request with this replay key was already accepted (and has not expired). */
        boolean contains(String replayKey);

        /** Records the key for {@code lifespan} unless present; {@code false} means this request is the replay. */
        boolean putIfAbsent(String replayKey, Duration lifespan);
    }

    /**
     * Request budgets by bucket (a key, or a key on one endpoint), shared by every node that serves them.
     * How a budget is counted (a sliding window, a token bucket) is the implementation's to say; the
     * pipeline only needs the answer.
     */
    @FunctionalInterface
    public interface RateBudget {

        /**
         * Takes one request from {@code bucket}'s budget of {@code perMinute} requests a minute, unless it is
         * spent; a refused request takes nothing. May throw when the shared store cannot answer: the request
         * is then refused with 503, never waved through.
         */
        Allowance take(String bucket, int perMinute);

        /** Every request fits: for tools, tests and benchmarks that do not measure the rate limit. */
        static RateBudget unlimited() {
            return (bucket, perMinute) -> new Allowance(perMinute, 0, 0);
        }
    }

    /**
     * A budget's answer.
     *
     * @param remaining         requests still allowed in the window after this one (0 when refused)
     * @param resetSeconds      seconds until more of the budget is available again (0 when unknown)
     * @param retryAfterSeconds 0 when the request was granted, else the seconds until a slot frees (at least 1)
     */
    public record Allowance(int remaining, long resetSeconds, long retryAfterSeconds) {

        public Allowance {
            if (remaining < 0 || resetSeconds < 0 || retryAfterSeconds < 0) {
                throw new IllegalArgumentException("negative allowance");
            }
        }

        public boolean granted() {
            return retryAfterSeconds == 0;
        }
    }

    /** The caller's address, as the allowlist should see it (behind trusted proxies, the forwarded one). */
    @FunctionalInterface
    public interface ClientAddress {
        Optional<InetAddress> of(ReceivedRequest request);
    }

    /** Whether the key may act for the tenant the request names. */
    @FunctionalInterface
    public interface TenantBinding {

        Optional<Refusal> check(ReceivedRequest request, ApiKey key);

        /** No tenants: every key passes. */
        static TenantBinding none() {
            return (request, key) -> Optional.empty();
        }

        /**
         * The tenant is named by {@code header}. A request without it is refused as a wrong tenant would
         * be: a missing header must not be a way around the binding.
         */
        static TenantBinding header(String header) {
            return (request, key) -> {
                String asked = request.headers().single(header);
                if (asked == null || asked.isBlank()) {
                    return Optional.of(Refusal.of(Failure.TENANT_MISMATCH, "Header " + header + " is required"));
                }
                if (key.tenant() == null) {
                    return Optional.of(Refusal.of(Failure.TENANT_NOT_FOUND, "Tenant not found"));
                }
                return key.tenant().equals(asked.trim()) ? Optional.empty()
                        : Optional.of(Refusal.of(Failure.TENANT_MISMATCH, "Key does not belong to this tenant"));
            };
        }
    }
}
