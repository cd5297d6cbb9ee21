// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.events;

import dev.signet.core.verification.Failure;

/**
 * Fired as a CDI event for every refused request. {@code keyId} is the claimed id (or {@code null} when
 * none was readable); nothing here is secret.
 */
public record SignedRequestRefused(
        String keyId, Failure reason, String scheme, String method, String path, String remoteAddress) {
}
