// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.net.URI;

/**
 * A real HTTP server that verifies signed requests under one scheme and one key, so the round-trip contract
 * can run against any implementation: the JDK test server here, or the provider's filter on a Jakarta REST
 * server. The contract every implementation keeps:
 *
 * <ul>
 *   <li>any method on any path under {@link #baseUri()} is verified; paths are signed raw, as sent;</li>
 *   <li>an accepted request answers 200 with a JSON object holding at least {@code sha256} (lowercase hex
 *       SHA-256 of the body bytes the server received) and {@code length} (their count);</li>
 *   <li>a refused request answers 401; replays are refused where the scheme has a replay key.</li>
 * </ul>
 */
public interface VerifyingServer extends AutoCloseable {

    /** Where the server listens, such as {@code http://127.0.0.1:40123/}; requests may go to any path below. */
    URI baseUri();

    @Override
    void close();
}
