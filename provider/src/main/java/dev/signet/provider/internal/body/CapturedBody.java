// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body read once, passed through the scheme's hash or MAC, and kept for the resource: in memory below the spool threshold, in a
 * temporary file above it. The file is opened only when the resource reads it, so a refused request holds
 * no file descriptor; {@link #close()} closes what was opened and deletes the file.
 */
public final class CapturedBody implements AutoCloseable {

    private final long length;
    private final byte[] inMemory;
    private final Path spoolFile;
    private InputStream opened;

    CapturedBody(long length, byte[] inMemory, Path spoolFile) {
        this.length = length;
        this.inMemory = inMemory;
        this.spoolFile = spoolFile;
    }

    public long length() {
        return length;
    }

    public boolean isSpooled() {
        return spoolFile != null;
    }

    /** The identical bytes, for the resource to read. */
    public InputStream replay() {
        if (spoolFile == null) {
            return new ByteArrayInputStream(inMemory);
        }
        return new InputStream() {
            private InputStream file() throws IOException {
                synchronized (CapturedBody.this) {
                    if (opened == null) {
                        opened = Files.newInputStream(spoolFile);
                    }
                    return opened;
                }
            }

            @Override
            public int read() throws IOException {
                return file().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file().read(b, off, len);
            }

            @Override
            public void close() {
                CapturedBody.this.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        if (spoolFile == null) {
            return;
        }
        try {
            if (opened != null) {
                opened.close();
            }
            Files.deleteIfExists(spoolFile);
        } catch (IOException ignored) {
            // Best effort: the file is in the spool directory and holds no secret.
        }
    }
}
