// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

/**
 * The shape of a refusal's body. It belongs to the scheme, so each preset answers as its vendor document
 * does and a custom scheme can pick one.
 */
public enum ErrorFormat {
    /** {@code {"detail": "Invalid HMAC"}}: seeds 000/001. */
    DETAIL,
    /** {@code {"version","timestamp","success":false,"code","message","data":null}}: seed 004. */
    ENVELOPE,
    /** RFC 9457 {@code application/problem+json}. */
    PROBLEM
}
