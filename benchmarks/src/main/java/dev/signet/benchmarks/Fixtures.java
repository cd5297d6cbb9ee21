// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyRepository;
import dev.signet.provider.testing.TestKeys;
import java.util.Random;

/**
 * What every benchmark shares: the key the provider's test server knows ({@link TestKeys#WRITER}), so the
 * in-process and the HTTP figures sign with the same key, and deterministic bodies.
 */
public final class Fixtures {

    public static final ApiKey KEY = TestKeys.WRITER;

    private Fixtures() {
    }

    public static KeyRepository keys() {
        return InMemoryKeyRepository.of(KEY);
    }

    public static Scheme preset(String name) {
        return Presets.byName(name).orElseThrow(() -> new IllegalArgumentException("no preset " + name));
    }

    /** Random but repeatable bytes: a body of zeros would flatter nothing here, but stay honest anyway. */
    public static byte[] body(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
