// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Scheme;

/** The round-trip contract against the JDK's HTTP server verifying with core's verifier. */
class JdkServerRoundTripTest extends SigningRoundTripContract {

    @Override
    protected VerifyingServer start(Scheme scheme, ApiKey key) {
        return JdkVerifyingServer.start(scheme, key);
    }
}
