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
    }

    public boolean hasNonce() {
        return nonce != null;
    }
}
