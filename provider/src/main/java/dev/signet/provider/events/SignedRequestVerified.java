// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.events;

/** Fired as a CDI event for every request whose signature verified and that passed every check. */
public record SignedRequestVerified(String keyId, String scheme, String method, String path, String remoteAddress) {
}
