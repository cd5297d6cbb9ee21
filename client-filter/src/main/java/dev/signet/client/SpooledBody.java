// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.internal.crypto.BodyHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds a serialized body until its hash is known, because the signature headers must be set before its
 * first byte is sent. Small bodies stay in memory; past the threshold the body moves to a temp file
 * (owner-only permissions, deleted by {@link #discard()}), so a large stream never sits in the heap.
 * Hashes while it is written. One body, one thread.
 */
final class SpooledBody extends OutputStream {

    private final int threshold;
    private final BodyHash.Hasher hasher = BodyHash.hasher();
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private boolean closed;

    SpooledBody(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("body already complete");
        }
        hasher.update(bytes, offset, count);
        if (memory != null && memory.size() + (long) count > threshold) {
            moveToFile();
        }
        if (memory != null) {
            memory.write(bytes, offset, count);
        } else {
            fileOut.write(bytes, offset, count);
        }
    }

    private void moveToFile() throws IOException {
        file = Files.createTempFile("signet-body-", ".spool");
        fileOut = Files.newOutputStream(file);
        memory.writeTo(fileOut);
        memory = null;
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    /**
     * Marks the body complete. Message body writers may close their stream; that must not lose the body,
     * so closing keeps it until {@link #discard()}.
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (fileOut != null) {
                fileOut.close();
            }
        }
    }

    /** The hash of every byte written; call once the body is complete. */
    BodyHash hash() {
        return hasher.finish();
    }

    long length() {
        return hasher.length();
    }

    /** Whether the body went to a temp file. */
    boolean spilled() {
        return file != null;
    }

    /** The temp file holding the body, or null while it is in memory. */
    Path spillFile() {
        return file;
    }

    /** Copies the body, byte for byte, to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        close();
        if (memory != null) {
            memory.writeTo(out);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }

    /**
     * The complete body as a source that streams it, chunk by chunk, from memory or the temp file: for a
     * signature over the raw bytes (webhook senders), with no copy of the body in the heap.
     */
    dev.signet.core.internal.verification.BodySource source() {
        return sink -> {
            writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    sink.update(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int count) {
                    sink.update(bytes, offset, count);
                }
            });
            return true;
        };
    }

    /** Frees the memory or deletes the temp file; safe to call more than once. */
    void discard() throws IOException {
        try {
            close();
        } finally {
            memory = null;
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
