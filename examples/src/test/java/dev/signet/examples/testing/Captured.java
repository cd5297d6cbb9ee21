// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A print stream whose text a test reads back. */
public final class Captured {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    public String text() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
