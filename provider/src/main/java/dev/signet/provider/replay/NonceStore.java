// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.replay;

import dev.signet.core.internal.verification.Ports;
import java.time.Duration;

/**
 * Remembers the replay keys of verified requests. An application may provide its own CDI bean; the
 * default is Infinispan. Either method may throw {@link NonceStoreUnavailableException}: the request is
 * then refused with 503, never waved through.
 */
public interface NonceStore extends Ports.ReplayStore {

    /** Whether a request with this replay key was already accepted (and has not yet expired). */
    @Override
    boolean contains(String replayKey);

    /**
     * Records the key for {@code lifespan} if no one has; {@code false} means another request won the race
     * and this one is a replay.
     */
    @Override
    boolean putIfAbsent(String replayKey, Duration lifespan);
}
