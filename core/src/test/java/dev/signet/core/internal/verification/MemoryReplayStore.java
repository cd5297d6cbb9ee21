// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A replay store in a map, for pipeline tests: remembers forever, counts what it holds. */
final class MemoryReplayStore implements Ports.ReplayStore {

    final Map<String, Duration> entries = new ConcurrentHashMap<>();

    @Override
    public boolean contains(String replayKey) {
        return entries.containsKey(replayKey);
    }

    @Override
    public boolean putIfAbsent(String replayKey, Duration lifespan) {
        return entries.putIfAbsent(replayKey, lifespan) == null;
    }
}
