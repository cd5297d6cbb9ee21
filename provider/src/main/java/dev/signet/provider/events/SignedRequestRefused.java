// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.events;

import dev.signet.core.internal.verification.Failure;
import java.time.Duration;

/**
 * Fired as a CDI event for every refused request. {@code keyId} is the claimed id (or {@code null} when
 * none was readable); nothing here is secret. {@code elapsed} is the time the verification took, from the
 * filter's start to the refusal.
 */
public record SignedRequestRefused(
        String keyId, Failure reason, String scheme, String method, String path, String remoteAddress, Duration elapsed) {

    /** Without a measured time ({@link Duration#ZERO}). */
    public SignedRequestRefused(String keyId, Failure reason, String scheme, String method, String path, String remoteAddress) {
        this(keyId, reason, scheme, method, path, remoteAddress, Duration.ZERO);
    }
}
