// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.keys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes new key ids and secrets. A key id is public (it travels in a header), so it only needs to be
 * unique; a secret is 32 random bytes, the size of an HMAC-SHA256 key, written in base64url so it can sit
 * in a header-free JSON file or an environment variable without escaping.
 */
public final class KeyGenerator {

    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 6;

    private final SecureRandom random;

    public KeyGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public KeyGenerator() {
        this(new SecureRandom());
    }

    /** {@code prefix-} and 12 hex digits, such as {@code demo-3f9a1c2b7d04}. */
    public String newId(String prefix) {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
