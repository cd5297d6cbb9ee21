// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

/** Administrative state of a key. Expiry is a date on the key, not a status. */
public enum KeyStatus {
    ACTIVE,
    DISABLED,
    REVOKED
}
