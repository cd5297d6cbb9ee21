// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

/** What makes a request unique, so that a second copy of it can be refused. */
public enum ReplayKey {
    /** No replay protection: the scheme's MAC is a reusable credential for its window (seeds 000, 001). */
    NONE,
    /** The nonce or request id header, per key (seeds 002, 004). */
    NONCE,
    /** The tuple (key id, timestamp, signature) (seed 003). */
    KEY_TIMESTAMP_SIGNATURE
}
