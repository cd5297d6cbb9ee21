// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

import java.time.Duration;

/**
 * A map of text entries shared by every node, each entry living for the lifespan its last write gave it,
 * written only by compare-and-set: what the rate budgets and the idempotency records need of Infinispan,
 * embedded (local or clustered) or remote over Hot Rod. Every method may throw
 * {@link StoreUnavailableException}; callers refuse the request then, they never serve it unchecked.
 *
 * <p>Values must be unique per write (carry a random token): a client that lost the answer to a write
 * the server applied retries it, finds the entry changed, and can only tell its own write from another
 * writer's by the value. The implementations read back after a lost conditional write and report it
 * won when the value is theirs.
 */
public interface SharedEntries {

    /** An entry as read: its value, and the version a conditional write must still find. */
    record Entry(String key, String value, long version) {
    }

    /** The entry, or {@code null} when there is none (or it expired). */
    Entry read(String key);

    /** Writes the entry only if there is none: the entry written, or {@code null} when another writer got there first. */
    Entry create(String key, String value, Duration lifespan);

    /** Replaces the entry only if it is still as read; {@code false} when it changed or went away meanwhile. */
    boolean replace(Entry expected, String value, Duration lifespan);

    /** Removes the entry only if it is still as read. */
    boolean remove(Entry expected);
}
