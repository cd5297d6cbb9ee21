// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values unique to one write, so a cache that answers a retried write with the value it already applied
 * (across a topology change, or a Hot Rod client retrying after a lost answer) is recognised as answering
 * this request, not a replay. A random prefix per store and a counter: unique within a JVM by the counter,
 * across nodes by the 64 random bits. It replaced {@code UUID.randomUUID()}, which asked {@code SecureRandom}
 * for every accepted request and stored 36 characters per live entry.
 */
public final class WriteTokens {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public WriteTokens() {
        this.prefix = Long.toUnsignedString(new SecureRandom().nextLong(), 36) + ':';
    }

    public String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
