// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

/** The outcome of verifying a request: {@link Verified} or {@link Refusal}. */
public sealed interface Verification permits Verified, Refusal {

    default boolean isVerified() {
        return this instanceof Verified;
    }
}
