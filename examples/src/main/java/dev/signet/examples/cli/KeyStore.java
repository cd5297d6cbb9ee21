// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import java.time.Instant;
import java.util.List;

/** Where {@code signet keys} changes keys: the JSON key file or the JDBC tables. Both keep the same rules. */
interface KeyStore {

    /** What to name the store in a message: a file name, or a JDBC URL without its parameters. */
    String describe();

    /** Whether servers see a change within their cache period (JDBC) or at their next start (key file). */
    String whenServersSeeIt();

    List<ApiKey> list() throws UsageException;

    void add(ApiKey key) throws UsageException;

    /**
     * {@code newSecret} becomes the signing secret; every other secret still valid verifies until
     * {@code oldNotAfter} (never longer than it would have); secrets already past their end are removed.
     */
    void rotate(String keyId, String newSecret, Instant oldNotAfter, Instant now) throws UsageException;

    /** A revoked key stays revoked. */
    void setStatus(String keyId, KeyStatus status) throws UsageException;
}
