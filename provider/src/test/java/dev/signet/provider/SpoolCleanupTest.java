// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.FailingResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spooled bodies are closed and deleted on every path, without relying on a response filter: refusals,
 * a resource that throws an unmapped exception, a client that gives up mid-upload. Counted the way an
 * operator would notice a leak: open file descriptors and files left in the spool directory.
 */
class SpoolCleanupTest {

    /** The figure; {@code -Dsignet.test.refused-uploads=N} to change it. */
    private static final int REFUSED_UPLOADS = Integer.getInteger("signet.test.refused-uploads", 1000);
    private static final long TEN_MIB = 10L * 1024 * 1024;

    @TempDir
    Path spool;

    @Test
    void aThousandRefused10MibUploadsLeaveNoSpoolFileAndNoOpenDescriptor() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.spool-directory", spool.toString(),
                "signet.max-body-bytes", String.valueOf(2 * TEN_MIB)), EchoResource.class, FailingResource.class)) {
            URI uri = URI.create(s.server().baseUri() + "/canonical-nonce/post");
            send(http, uri, TestKeys.WRITER.id(), Secret.of("a-wrong-secret"), TEN_MIB); // warm up the server's threads
            long before = openDescriptors();
            for (int i = 0; i < REFUSED_UPLOADS; i++) {
                HttpResponse<String> refused = send(http, uri, TestKeys.WRITER.id(), Secret.of("a-wrong-secret"), TEN_MIB);
                assertEquals(401, refused.statusCode());
                assertEquals("GA2012", Json.field(refused.body(), "code"));
            }
            assertNoSpoolFileLeft();
            long after = openDescriptors();
            assertTrue(after <= before + 8, "open descriptors grew from " + before + " to " + after);
        }
    }

    @Test
    void aResourceThatThrowsAfterReadingLeavesNoSpoolFile() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.spool-directory", spool.toString()),
                EchoResource.class, FailingResource.class)) {
            URI uri = URI.create(s.server().baseUri() + "/failing");
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> failed = sendCanonical(http, uri, TestKeys.WRITER.id(), TestKeys.WRITER.signingSecret(), 1 << 20, i);
                assertEquals(500, failed.statusCode(), "the application's own failure; Signet only cleans up");
            }
            assertNoSpoolFileLeft();
        }
    }

    @Test
    void aClientThatGivesUpMidUploadLeavesNoSpoolFile() throws Exception {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.spool-directory", spool.toString(),
                "signet.max-body-bytes", String.valueOf(2 * TEN_MIB)), EchoResource.class)) {
            URI uri = URI.create(s.server().baseUri() + "/canonical-nonce/post");
            for (int i = 0; i < 10; i++) {
                var headers = RequestSigner.of(Presets.CANONICAL_NONCE).sign(new CanonicalRequest("POST", uri.getRawPath(),
                        BodyHash.EMPTY), TestKeys.WRITER.id(), TestKeys.WRITER.signingSecret());
                try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                    var out = socket.getOutputStream();
                    StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: " + TEN_MIB + "\r\n");
                    headers.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                    out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(new byte[1024 * 1024]); // 1 MiB of 10, then the connection closes
                    out.flush();
                }
            }
            assertNoSpoolFileLeft();
        }
    }

    private void assertNoSpoolFileLeft() throws Exception {
        long left = 0;
        for (int wait = 0; wait < 50; wait++) { // the container finishes the request after the client saw it
            try (var files = Files.list(spool)) {
                left = files.count();
            }
            if (left == 0) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(0, left, "spool files left");
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String keyId, Secret secret, long size)
            throws IOException, InterruptedException {
        var headers = RequestSigner.of(Presets.CANONICAL_NONCE).sign(new CanonicalRequest("POST", uri.getRawPath(),
                BodyHash.EMPTY), keyId, secret);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(size)), size))
                .header("Content-Type", "application/octet-stream");
        headers.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendCanonical(HttpClient http, URI uri, String keyId, Secret secret, int size, int salt)
            throws IOException, InterruptedException {
        byte[] body = new byte[size];
        body[0] = (byte) salt; // a distinct body each time: canonical refuses a second identical tuple
        var headers = RequestSigner.of(Presets.CANONICAL).sign(new CanonicalRequest("POST", uri.getRawPath(),
                BodyHash.of(body)), keyId, secret);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream");
        headers.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
