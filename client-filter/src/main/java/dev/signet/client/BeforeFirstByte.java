// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes a body straight through, running an action once before its first byte, flush or close reaches the
 * wire: the last moment at which headers can still be set. If the action fails, nothing is ever passed on.
 */
final class BeforeFirstByte extends OutputStream {

    /** What runs before the first byte; may set headers, may fail the request. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    private final OutputStream wire;
    private final Action action;
    private boolean ran;
    private boolean failed;

    BeforeFirstByte(OutputStream wire, Action action) {
        this.wire = wire;
        this.action = action;
    }

    /** Runs the action unless it ran already: for a body that wrote nothing at all. */
    void runOnce() throws IOException {
        if (failed) {
            throw new IOException("the request was not signed; nothing is sent");
        }
        if (!ran) {
            failed = true; // until the action returns
            action.run();
            failed = false;
            ran = true;
        }
    }

    @Override
    public void write(int b) throws IOException {
        runOnce();
        wire.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        runOnce();
        wire.write(bytes, offset, count);
    }

    @Override
    public void flush() throws IOException {
        runOnce();
        wire.flush();
    }

    @Override
    public void close() throws IOException {
        runOnce();
        wire.close();
    }
}
