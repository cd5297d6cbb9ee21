// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for servers a test starts (JGroups, Hot Rod). */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that is free, and so is {@code port + offset} (JGroups' FD_SOCK2 listens there). */
    public static int freeWithOffset(int offset) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = free();
            if (port + offset < 65536 && isFree(port + offset)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair on 127.0.0.1");
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
