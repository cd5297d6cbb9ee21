package dev.signet.provider.body;

import dev.signet.core.crypto.BodyHash;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body read once, hashed, and kept for the resource: in memory below the spool threshold, in a
 * temporary file above it. {@link #close()} deletes the file.
 */
public final class CapturedBody implements AutoCloseable {

    private final BodyHash hash;
    private final long length;
    private final byte[] inMemory;
    private final Path spoolFile;

    CapturedBody(BodyHash hash, long length, byte[] inMemory, Path spoolFile) {
        this.hash = hash;
        this.length = length;
        this.inMemory = inMemory;
        this.spoolFile = spoolFile;
    }

    public BodyHash hash() {
        return hash;
    }

    public long length() {
        return length;
    }

    public boolean isSpooled() {
        return spoolFile != null;
    }

    /** The identical bytes, for the resource to read. */
    public InputStream replay() throws IOException {
        if (spoolFile == null) {
            return new ByteArrayInputStream(inMemory);
        }
        return new FilterInputStream(Files.newInputStream(spoolFile)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    CapturedBody.this.close();
                }
            }
        };
    }

    @Override
    public void close() {
        if (spoolFile != null) {
            try {
                Files.deleteIfExists(spoolFile);
            } catch (IOException ignored) {
                // An open handle on some platforms; the file is in the spool directory and holds no secret.
            }
        }
    }
}
