// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body past the spool threshold is written on a thread of its own: byte for byte, and never left behind. */
class BodyReaderTest {

    private static final int THRESHOLD = 64 * 1024;

    @TempDir
    Path spool;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, THRESHOLD, THRESHOLD + 1, 10 * THRESHOLD + 7, 5 * 1024 * 1024 + 3})
    void whatIsKeptIsExactlyWhatWasHashedAndSent(int size) throws Exception {
        byte[] body = bytes(size);
        MessageDigest hashed = MessageDigest.getInstance("SHA-256");
        BodyReader reader = new BodyReader(1L << 30, THRESHOLD, spool);
        // Reads of uneven lengths, as a socket gives them.
        Optional<CapturedBody> captured = reader.read(new UnevenStream(new ByteArrayInputStream(body)), -1,
                (bytes, offset, length) -> hashed.update(bytes, offset, length));
        CapturedBody kept = captured.orElseThrow();
        assertEquals(size, kept.length());
        assertEquals(size > THRESHOLD, kept.isSpooled());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), hashed.digest());
        try (InputStream replay = kept.replay()) {
            assertArrayEquals(body, replay.readAllBytes());
        } finally {
            kept.close();
        }
        assertNoSpoolFile();
        assertNoWriterThread();
    }

    @Test
    void aBodyOverTheMaximumLeavesNoFileAndNoWriter() throws Exception {
        BodyReader reader = new BodyReader(3L * THRESHOLD, THRESHOLD, spool);
        Optional<CapturedBody> captured = reader.read(new ByteArrayInputStream(bytes(10 * THRESHOLD)), -1, (b, o, l) -> { });
        assertTrue(captured.isEmpty());
        assertNoSpoolFile();
        assertNoWriterThread();
    }

    @Test
    void aClientThatCutsOffMidBodyLeavesNoFileAndNoWriter() throws Exception {
        InputStream cutOff = new FilterInputStream(new ByteArrayInputStream(bytes(20 * THRESHOLD))) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 5L * THRESHOLD) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        BodyReader reader = new BodyReader(1L << 30, THRESHOLD, spool);
        IOException e = assertThrows(IOException.class, () -> reader.read(cutOff, -1, (b, o, l) -> { }));
        assertEquals("connection reset", e.getMessage());
        assertNoSpoolFile();
        assertNoWriterThread();
    }

    @Test
    void aWriteThatFailsReachesTheReader() throws Exception {
        OutputStream diskFull = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (size() + len > 2 * THRESHOLD) {
                    throw new java.io.UncheckedIOException(new IOException("No space left on device"));
                }
                super.write(b, off, len);
            }
        };
        SpoolWriter writer = new SpoolWriter(diskFull, THRESHOLD);
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 100; i++) {
                byte[] buffer = writer.buffer();
                writer.write(buffer, buffer.length);
            }
            writer.finish();
        });
        assertEquals("No space left on device", e.getMessage());
        assertNoWriterThread();
    }

    @Test
    void aCloseThatFailsReachesTheReader() throws Exception {
        OutputStream unflushable = new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                throw new IOException("Input/output error");
            }
        };
        SpoolWriter writer = new SpoolWriter(unflushable, THRESHOLD);
        byte[] buffer = writer.buffer();
        writer.write(buffer, buffer.length);
        IOException e = assertThrows(IOException.class, writer::finish);
        assertEquals("Input/output error", e.getMessage());
        assertNoWriterThread();
    }

    private void assertNoSpoolFile() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count(), "a spool file was left behind");
        }
    }

    private static void assertNoWriterThread() throws InterruptedException {
        for (int i = 0; i < 100 && writerAlive(); i++) {
            Thread.sleep(20);
        }
        assertTrue(!writerAlive(), "a spool writer thread is still running");
    }

    private static boolean writerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("signet-spool-writer") && t.isAlive());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Gives at most a random 1 to 70 000 bytes per read. */
    private static final class UnevenStream extends FilterInputStream {
        private final Random random = new Random(3);

        UnevenStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(70_000)));
        }
    }
}
