// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Scheme;

/** The round-trip contract against the provider's filter on a real HTTP server: what a caller meets in production. */
class ProviderRoundTripTest extends SigningRoundTripContract {

    @Override
    protected VerifyingServer start(Scheme scheme, ApiKey key) {
        return ProviderVerifyingServer.start(scheme, key);
    }
}
