// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.keys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One shared secret of a key, with an optional end of validity so a rotated key can verify with the old
 * and the new secret while both are valid. Never printed: {@link #toString()} is redacted, and
 * {@code equals} is identity so a secret never ends up compared or hashed by accident.
 */
public final class Secret {

    private final String value;
    private final Instant notAfter;

    private Secret(String value, Instant notAfter) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        this.value = value;
        this.notAfter = notAfter;
    }

    public static Secret of(String value) {
        return new Secret(value, null);
    }

    /** A secret that stops verifying after {@code notAfter}: the old half of a rotation. */
    public static Secret validUntil(String value, Instant notAfter) {
        return new Secret(value, Objects.requireNonNull(notAfter, "notAfter"));
    }

    /** The HMAC key: the secret's UTF-8 bytes, as every seed document's reference client uses it. */
    public byte[] keyBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The secret as text, for the one preset whose signed string contains it. Never log this. */
    public String reveal() {
        return value;
    }

    /** When this secret stops verifying, or {@code null} when it has no end. */
    public Instant notAfter() {
        return notAfter;
    }

    public boolean isValidAt(Instant now) {
        return notAfter == null || !now.isAfter(notAfter);
    }

    @Override
    public String toString() {
        return notAfter == null ? "Secret[****]" : "Secret[****, notAfter=" + notAfter + "]";
    }
}
