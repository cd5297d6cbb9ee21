// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a signed resource method (a {@code POST} or {@code PATCH}, typically) run once per
 * {@code Idempotency-Key}, as in
 * <a href="https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/06/">draft-ietf-httpapi-idempotency-key-header-06</a>:
 * the first request with a key runs; a repeat within {@code signet.idempotency.retention-seconds}
 * (default 24 h), freshly signed, gets the first response again (status, headers and body, byte for byte)
 * without running the method; a repeat while the first is still running gets 409; the same key with
 * another request (method, path, query or body) gets 422. Keys are kept per verified API key, in the
 * shared Infinispan, so a repeat sent to another node is answered the same.
 *
 * <p>Only on a method that also has {@link SignedRequired} (anything else fails the deployment): the
 * verified key is part of what a key is remembered under. The method's annotation wins over the class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {

    /**
     * Whether a request without an {@code Idempotency-Key} is refused (400). When {@code false} such a
     * request runs as if the method were not idempotent.
     */
    boolean required() default true;
}
