// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import dev.signet.core.internal.verification.BodySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a request body exactly once, hashing the bytes as they arrive, so heap use stays bounded whatever
 * the upload size: up to {@code spoolThreshold} bytes are kept in memory, the rest goes to a temp file.
 */
public final class BodyReader {

    private static final int MAX_BUFFER = 64 * 1024;

    private final long maxBytes;
    private final int spoolThreshold;
    private final Path spoolDirectory;

    public BodyReader(long maxBytes, int spoolThreshold, Path spoolDirectory) {
        this.maxBytes = maxBytes;
        this.spoolThreshold = spoolThreshold;
        this.spoolDirectory = spoolDirectory;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The captured body, or empty when it is longer than the maximum (nothing is kept then). Every byte
     * passes through {@code sink} as it is read: a hash or a MAC, whatever the scheme signs.
     *
     * @param lengthHint the declared Content-Length, or -1: sizes the read buffer, so a small request does
     *                   not pay for a 64 KiB one (the largest allocation per request, as profiled)
     */
    public Optional<CapturedBody> read(InputStream in, long lengthHint, BodySource.Sink sink) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream(
                lengthHint >= 0 ? (int) Math.min(spoolThreshold, lengthHint) : Math.min(spoolThreshold, 8192));
        Path spool = null;
        OutputStream file = null;
        SpoolWriter writer = null; // past the threshold, the file is written on its own thread
        byte[] buffer = new byte[lengthHint >= 0 && lengthHint < MAX_BUFFER ? (int) lengthHint + 1 : MAX_BUFFER];
        long length = 0;
        boolean complete = false;
        try {
            while (true) {
                byte[] into = writer == null ? buffer : writer.buffer();
                int n = in.read(into);
                if (n == -1) {
                    break;
                }
                length += n;
                if (length > maxBytes) {
                    return Optional.empty();
                }
                sink.update(into, 0, n);
                if (writer != null) {
                    writer.write(into, n);
                } else if (memory.size() + n <= spoolThreshold) {
                    memory.write(into, 0, n);
                } else {
                    spool = Files.createTempFile(spoolDirectory, "signet-body-", ".bin");
                    file = Files.newOutputStream(spool);
                    memory.writeTo(file);
                    memory = null;
                    writer = new SpoolWriter(file, MAX_BUFFER);
                    byte[] first = writer.buffer();
                    System.arraycopy(into, 0, first, 0, n);
                    writer.write(first, n);
                }
            }
            if (writer != null) {
                writer.finish(); // every byte in the file, the file closed
            }
            complete = true;
        } finally {
            if (!complete && spool != null) {
                if (writer != null) {
                    writer.abandon();
                } else if (file != null) {
                    file.close();
                }
                Files.deleteIfExists(spool);
            }
        }
        return Optional.of(new CapturedBody(length, spool == null ? memory.toByteArray() : null, spool));
    }
}
