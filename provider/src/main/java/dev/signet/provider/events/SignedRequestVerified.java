// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.events;

import java.time.Duration;

/**
 * Fired as a CDI event for every request whose signature verified and that passed every check.
 * {@code elapsed} is the time the verification took (body hashing included).
 */
public record SignedRequestVerified(String keyId, String scheme, String method, String path, String remoteAddress,
        Duration elapsed) {

    /** Without a measured time ({@link Duration#ZERO}). */
    public SignedRequestVerified(String keyId, String scheme, String method, String path, String remoteAddress) {
        this(keyId, scheme, method, path, remoteAddress, Duration.ZERO);
    }
}
