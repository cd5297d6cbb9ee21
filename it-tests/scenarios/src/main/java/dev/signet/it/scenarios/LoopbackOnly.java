// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** The one check every server module makes: its server process listens where it should, and on 127.0.0.1 only. */
public final class LoopbackOnly {

    public static final String LOOPBACK = "127.0.0.1";

    private LoopbackOnly() {
    }

    /**
     * Fails unless process {@code pid} listens on each of {@code expected} (what -> port), so that the check
     * cannot pass on an empty or wrong process, and on no address but 127.0.0.1.
     */
    public static void assertListening(long pid, Map<String, Integer> expected) throws IOException {
        List<InetSocketAddress> listening = ListeningSockets.of(pid);
        expected.forEach((what, port) -> assertTrue(listening.stream().anyMatch(socket -> socket.getPort() == port),
            () -> what + " is not among " + listening));
        List<InetSocketAddress> notLoopback = listening.stream()
            .filter(socket -> !socket.getAddress().getHostAddress().equals(LOOPBACK))
            .toList();
        assertEquals(List.of(), notLoopback, () -> "listening beyond 127.0.0.1; all: " + listening);
    }
}
