// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body is hashed over the exact bytes received and the resource reads the same bytes; the maximum
 * answers 413; above the spool threshold the body goes to disk, so heap stays bounded. The surefire JVM
 * runs with -Xmx128m (provider/pom.xml), so the 200 MiB upload proves it.
 */
class BodyHandlingTest {

    @TempDir
    Path spool;

    @Test
    void aBodyAboveTheMaximumIsRefusedWith413() {
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.max-body-bytes", "1024"), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            HttpResponse<String> response = http.post("/canonical/post", "x".repeat(2048)).signed(Presets.CANONICAL, TestKeys.WRITER).send();
            assertEquals(413, response.statusCode());
            assertEquals("https://signet.dev/problems/body-too-large", Json.parse(response.body()).getString("type"));
            assertEquals(200, http.post("/canonical/post", "x".repeat(1024)).signed(Presets.CANONICAL, TestKeys.WRITER).send().statusCode());
        }
    }

    @Test
    void a200MiBUploadVerifiesWithBoundedHeapAndTheSpoolFileIsRemoved() throws Exception {
        long size = 200L * 1024 * 1024;
        try (ServerWithSettings s = new ServerWithSettings(Map.of(
                "signet.max-body-bytes", String.valueOf(size),
                "signet.spool-directory", spool.toString()), EchoResource.class)) {
            BodyHash hash = hashOf(size);
            URI uri = URI.create(s.server().baseUri() + "/canonical/upload");
            var headers = RequestSigner.of(Presets.CANONICAL).sign(new CanonicalRequest("POST", uri.getRawPath(), hash),
                    TestKeys.WRITER.id(), TestKeys.WRITER.signingSecret());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> generated(size)), size))
                    .header("Content-Type", "application/octet-stream");
            headers.headers().forEach(request::header);
            HttpResponse<String> response = new SignedHttp(s.server().baseUri()).client()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(size, Json.parse(response.body()).getJsonNumber("length").longValue());
            assertEquals(hash.hex(), Json.parse(response.body()).getString("sha256"));
            try (var left = Files.list(spool)) {
                assertEquals(0, left.count(), "the spooled body is deleted after the response");
            }
        }
    }

    @Test
    void theResourceReadsTheIdenticalBytesIncludingNonUtf8() throws Exception {
        byte[] body = new byte[300_000]; // above the 64 KiB spool threshold
        new Random(7).nextBytes(body);
        try (ServerWithSettings s = new ServerWithSettings(Map.of("signet.spool-directory", spool.toString()), EchoResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());
            SignedHttp.Call call = http.call("POST", "/canonical/upload", body).signed(Presets.CANONICAL, TestKeys.WRITER)
                    .header("Content-Type", "application/octet-stream");
            HttpResponse<String> response = call.send();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(BodyHash.of(body).hex(), Json.parse(response.body()).getString("sha256"));
        }
    }

    private static BodyHash hashOf(long size) throws Exception {
        BodyHash.Hasher hasher = BodyHash.hasher();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = generated(size)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                hasher.update(buffer, 0, n);
            }
        }
        assertTrue(hasher.length() == size);
        return hasher.finish();
    }

    /** Deterministic bytes generated on the fly: the upload never exists in memory as a whole. */
    private static InputStream generated(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) (position++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((position + i) * 31 % 251);
                }
                position += n;
                return n;
            }
        };
    }
}
