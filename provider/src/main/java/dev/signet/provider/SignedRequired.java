// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a verified signature on a resource class or method. The method's annotation wins over the
 * class's. {@code scheme} picks a preset or configured scheme by name, so one application can serve a
 * legacy scheme on {@code /v1} and a newer one on {@code /v2}; empty means the configured default.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedRequired {

    /** Scopes the key must hold, all of them. */
    String[] scopes() default {};

    /** Scheme name, such as {@code canonical-nonce}; empty for the {@code signet.scheme} setting. */
    String scheme() default "";

    /**
     * For a webhook scheme ({@code standard-webhooks}, {@code stripe}, {@code github}, {@code slack},
     * {@code shopify}), whose sender names no key: the id of the {@code KeyRepository} key whose secrets verify
     * this endpoint's deliveries, such as {@code "stripe-live"}. Empty for the {@code signet.scheme.<name>.key}
     * setting. A webhook endpoint with neither fails the deployment; a key named under a scheme whose requests
     * name their own key fails it too.
     */
    String key() default "";

    /**
     * Under an RFC 9421 scheme: sign this endpoint's responses with the server's key (settings
     * {@code signet.rfc9421.response-*}), bound to the request's signature (RFC 9421 section 2.4).
     */
    boolean signResponse() default false;

    /**
     * This endpoint's own budget for each key, in requests per sliding minute, counted besides the key's
     * budget ({@code rateLimitPerMinute}, or {@code signet.rate-limit.default-per-minute}): a request must
     * fit both. 0 (the default) for none of its own.
     */
    int ratePerMinute() default 0;
}
