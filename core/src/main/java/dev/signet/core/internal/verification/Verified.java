// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.keys.ApiKey;
import java.net.InetAddress;
import java.util.Optional;

/** A request that passed every step: who signed it, under which scheme, from where. */
public record Verified(Credentials credentials, ApiKey key, SignatureScheme scheme, Optional<InetAddress> clientAddress)
        implements Verification {
}
