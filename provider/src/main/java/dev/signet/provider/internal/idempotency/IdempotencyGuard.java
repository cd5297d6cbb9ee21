// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import dev.signet.provider.internal.store.SharedEntries;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases an Idempotency-Key whose request ended without a response to keep (an exception no mapper
 * answered, a failed write, a client gone): its in-flight record is removed when the request scope ends,
 * so the client's retry runs instead of meeting 409 until the record expires. A response filter would not
 * run for an unmapped exception; the end of the request scope always comes.
 */
@RequestScoped
public class IdempotencyGuard {

    private static final Logger LOG = Logger.getLogger(IdempotencyGuard.class.getName());

    private SharedEntries store;
    private SharedEntries.Entry inFlight;

    void track(SharedEntries store, SharedEntries.Entry inFlight) {
        this.store = store;
        this.inFlight = inFlight;
    }

    /** The record was completed (or deliberately left as it is): nothing to release. */
    void settled() {
        this.inFlight = null;
    }

    @PreDestroy
    void release() {
        if (inFlight == null) {
            return;
        }
        try {
            store.remove(inFlight);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Signet: an unanswered idempotency record could not be released; it expires on its own", e);
        }
        inFlight = null;
    }
}
