// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.examples.demo.DemoKeys;
import dev.signet.examples.demo.DemoServer;
import dev.signet.examples.demo.DemoSettings;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.examples.testing.DemoKeyFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What `signet sign` prints, sent to the demo server: by the JDK client, and by curl itself. */
class SignCommandTest {

    @TempDir
    static Path directory;

    static Path keys;
    static DemoServer server;
    // HTTP/1.1: the JDK client's h2c upgrade makes Grizzly stall on POST bodies (TOOLCHAIN pitfall 2).
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        keys = DemoKeyFiles.write(directory);
        server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.of(keys)), DemoKeys.load(keys).repository());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Scheme> presets() {
        return Presets.all();
    }

    private static Result sign(String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        List<String> words = new ArrayList<>(List.of("sign"));
        words.addAll(List.of(args));
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream()).run(words.toArray(String[]::new));
        return new Result(status, out.text(), err.text());
    }

    record Result(int status, String out, String err) {
    }

    private static String url(String path) {
        return server.baseUri() + path;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void thePrintedHeadersMakeASignedPostThatTheDemoAccepts(Scheme scheme) throws Exception {
        String body = "{\"amount\":\"100.00\",\"note\":\"caf\u00e9\"}";
        Result signed = sign("--preset", scheme.name(), "--url", url("/" + scheme.name() + "/scoped"), "--body", body,
                "--keys", keys.toString(), "--key-id", DemoKeyFiles.WRITER_ID);
        assertEquals(0, signed.status(), signed.err());

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/" + scheme.name() + "/scoped")))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.out().lines().forEach(line -> {
            int colon = line.indexOf(':');
            request.header(line.substring(0, colon), line.substring(colon + 1).trim());
        });
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"keyId\":\"" + DemoKeyFiles.WRITER_ID + "\""), response.body());
    }

    @Test
    void aGetWithoutABodyIsSignedOverTheEmptyBody() throws Exception {
        Result signed = sign("--preset", "canonical", "--url", url("/canonical/echo?ignored=query"),
                "--key-id", DemoKeyFiles.WRITER_ID, "--secret", DemoKeyFiles.WRITER_SECRET);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/canonical/echo?ignored=query"))).GET();
        signed.out().lines().forEach(line -> request.header(line.substring(0, line.indexOf(':')),
                line.substring(line.indexOf(':') + 1).trim()));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void theCurlCommandGetsA200WhenCurlRunsIt() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Result signed = sign("--preset", "canonical-nonce", "--url", url("/canonical-nonce/echo"),
                "--body", "{\"it's\":\"quoted\"}", "--keys", keys.toString(), "--key-id", DemoKeyFiles.WRITER_ID, "--curl");
        assertEquals(0, signed.status(), signed.err());
        String output = runShell(signed.out());
        assertTrue(output.startsWith("HTTP/1.1 200"), output);
        assertTrue(output.contains("\"body\":\"{\\\"it's\\\":\\\"quoted\\\"}\""), output);
    }

    @Test
    void theCurlCommandSendsABodyFileByteForByte() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Path body = Files.writeString(directory.resolve("body with space.json"), "{\n  \"lines\": \"kept\"\n}\n");
        Result signed = sign("--preset", "canonical", "--url", url("/canonical/echo"), "--body-file", body.toString(),
                "--keys", keys.toString(), "--key-id", DemoKeyFiles.WRITER_ID, "--curl");
        String output = runShell(signed.out());
        assertTrue(output.startsWith("HTTP/1.1 200"), output);
    }

    @Test
    void theSignedStringGoesToStderrWithTheSecretRedacted() {
        Result signed = sign("--preset", "timestamp-secret", "--url", url("/timestamp-secret/echo"),
                "--key-id", DemoKeyFiles.WRITER_ID, "--secret", DemoKeyFiles.WRITER_SECRET, "--show-signed-string");
        assertTrue(signed.err().contains(":<secret>"), signed.err());
        assertFalse(signed.err().contains(DemoKeyFiles.WRITER_SECRET), signed.err());
        assertFalse(signed.out().contains(DemoKeyFiles.WRITER_SECRET), signed.out());
    }

    @Test
    void aBodyAndABodyFileTogetherAreAUsageError() {
        Result signed = sign("--preset", "canonical", "--url", url("/canonical/echo"), "--body", "{}",
                "--body-file", "x.json", "--key-id", "k", "--secret", "s");
        assertEquals(2, signed.status());
        assertTrue(signed.err().contains("give --body or --body-file, not both"), signed.err());
    }

    @Test
    void anUnknownPresetListsTheRealOnes() {
        Result signed = sign("--preset", "rfc9999", "--url", url("/x"), "--key-id", "k", "--secret", "s");
        assertEquals(2, signed.status());
        assertTrue(signed.err().contains("timestamp-secret, json-payload, canonical, canonical-nonce"), signed.err());
    }

    @Test
    void aKeyFileWithSeveralKeysNeedsAKeyId() {
        Result signed = sign("--preset", "canonical", "--url", url("/canonical/echo"), "--keys", keys.toString());
        assertEquals(2, signed.status());
        assertTrue(signed.err().contains("pick one with --key-id"), signed.err());
    }

    static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    static String runShell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish in 30 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
