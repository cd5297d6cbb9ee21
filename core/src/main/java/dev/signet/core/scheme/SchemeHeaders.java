// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import java.util.Objects;

/**
 * The header names a scheme reads and writes. Names are matched case-insensitively on receipt and written
 * exactly as given here. {@code nonce} is {@code null} when the scheme has no nonce header.
 */
public record SchemeHeaders(String keyId, String timestamp, String signature, String nonce) {

    public SchemeHeaders {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
        // Header names are case-insensitive: two roles under one name could never be read back apart.
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String name : new String[] {keyId, timestamp, signature, nonce}) {
            if (name != null && !distinct.add(name.trim().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name.trim() + " is named for two roles");
            }
        }
    }

    public boolean hasNonce() {
        return nonce != null;
    }
}
