// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes a spooled body to its file on a thread of its own while the reading thread hashes the next bytes.
 * Hashing and writing each cost about as much per byte (on tmpfs and on disk alike), so done one after the
 * other on one thread a large body went through at half the hash's rate (benchmarks/README.md section 2).
 * A fixed set of buffers goes round between the two threads: memory stays bounded, and the reader waits
 * when the writer is that many buffers behind. The writer's failure reaches the reader at its next call.
 */
final class SpoolWriter {

    private static final int BUFFERS = 4;
    private static final byte[] END = new byte[0];

    @SuppressWarnings("ArrayRecordComponent") // a buffer handed between two threads, never compared
    private record Chunk(byte[] bytes, int length) {
    }

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    // Room for every buffer and the end mark: the reader never blocks on a put, only on a free buffer.
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private volatile boolean abandoned;

    SpoolWriter(OutputStream out, int bufferSize) {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[bufferSize]);
        }
        Thread writer = new Thread(() -> drain(out), "signet-spool-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** A buffer to read the next bytes into; waits while the writer is {@value #BUFFERS} buffers behind. */
    byte[] buffer() throws IOException {
        try {
            while (true) {
                byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer;
                }
                if (written.isDone()) {
                    awaitWritten(); // the writer failed: throws its exception
                    throw new IOException("the spool writer stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while spooling a body");
        }
    }

    /** Hands {@code length} bytes of a buffer from {@link #buffer()} to the writer. */
    void write(byte[] buffer, int length) {
        full.add(new Chunk(buffer, length));
    }

    /** Waits until every byte handed over is in the file and the file is closed; throws what the writer met. */
    void finish() throws IOException {
        full.add(new Chunk(END, 0));
        awaitWritten();
    }

    /** Stops the writer without waiting for the rest (the body is refused and its file deleted), and waits for it to close the file. */
    void abandon() {
        abandoned = true;
        full.clear(); // what is still queued is thrown away, and the end mark always finds room
        full.add(new Chunk(END, 0));
        try {
            awaitWritten();
        } catch (IOException ignored) {
            // The body is being thrown away; the reader's own failure is the one that matters.
        }
    }

    private void awaitWritten() throws IOException {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while spooling a body");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("spooling the body failed", e.getCause());
        }
    }

    private void drain(OutputStream out) {
        Throwable failure = null;
        try (out) {
            while (true) {
                Chunk chunk = full.take();
                if (chunk.bytes() == END) {
                    break;
                }
                if (!abandoned) {
                    out.write(chunk.bytes(), 0, chunk.length());
                }
                free.add(chunk.bytes());
            }
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            failure = e;
        }
        // Only now, the file closed (a failed close included): finish() promises a closed file.
        if (failure == null) {
            written.complete(null);
        } else {
            written.completeExceptionally(failure);
        }
    }
}
