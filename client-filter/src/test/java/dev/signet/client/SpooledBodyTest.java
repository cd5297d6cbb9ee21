// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpooledBodyTest {

    @Test
    void aBodyUpToTheThresholdStaysInMemoryAndComesBackByteForByte() throws IOException {
        byte[] bytes = random(1000);
        SpooledBody body = new SpooledBody(1000);
        body.write(bytes, 0, 600);
        body.write(bytes, 600, 400);

        assertFalse(body.spilled());
        assertEquals(BodyHash.of(bytes), body.hash());
        assertArrayEquals(bytes, copyOut(body));
        body.discard();
    }

    @Test
    void aBodyPastTheThresholdMovesToAnOwnerOnlyTempFileThatDiscardDeletes() throws IOException {
        byte[] bytes = random(3 * 1024 * 1024 + 17);
        SpooledBody body = new SpooledBody(64 * 1024);
        for (int offset = 0; offset < bytes.length; offset += 10_000) {
            body.write(bytes, offset, Math.min(10_000, bytes.length - offset));
        }
        Path file = body.spillFile();

        assertTrue(body.spilled());
        assertEquals(bytes.length, body.length());
        assertEquals(BodyHash.of(bytes), body.hash());
        assertArrayEquals(bytes, copyOut(body));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)), "the body may be sensitive");
        }
        body.discard();
        assertFalse(Files.exists(file));
    }

    @Test
    void aWriterClosingTheStreamDoesNotLoseTheBody() throws IOException {
        byte[] bytes = random(5000);
        SpooledBody body = new SpooledBody(100);
        body.write(bytes);
        body.close();
        body.close();

        assertArrayEquals(bytes, copyOut(body));
        body.discard();
        body.discard();
    }

    @Test
    void anEmptyBodyHashesAsTheEmptyBody() throws IOException {
        SpooledBody body = new SpooledBody(0);
        assertEquals(BodyHash.EMPTY, body.hash());
        assertArrayEquals(new byte[0], copyOut(body));
        body.discard();
    }

    private static byte[] copyOut(SpooledBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
