// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The key a replay cache holds for one accepted request: {@code scheme \n key id \n digest}, namespaced by
 * scheme and by the id the repository returned (not the header's spelling), so a case-insensitive repository
 * cannot be used to replay and one key's nonce never blocks another key. The unique part is stored as its
 * SHA-256: a cache logs its keys at trace level, and a signature in a log line is a credential for its
 * window. Its first 128 bits, in Base64url without padding (22 characters, where hex took 64): the key is
 * most of an entry's bytes (benchmarks/README.md section 4). 128 bits leave a collision, which would only
 * refuse a fresh request as a replay, at odds of about 2^-64 among 2^32 live entries; a replay can never
 * gain from one, as its key is that of the request it copies.
 */
public final class ReplayCacheKey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ReplayCacheKey() {
    }

    public static String of(String schemeName, String keyId, String unique) {
        MessageDigest sha256 = dev.signet.core.internal.crypto.BodyHash.sha256();
        byte[] digest = sha256.digest(unique.getBytes(StandardCharsets.UTF_8));
        return schemeName + '\n' + keyId + '\n' + BASE64URL.encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
