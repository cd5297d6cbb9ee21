// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.examples.testing.DemoKeyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `signet explain` names the step of the server's pipeline that refuses a captured request. */
class ExplainCommandTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String BODY = "{\"amount\":\"100.00\"}";

    @TempDir
    Path directory;

    record Result(int status, String out, String err) {
    }

    private Result explain(String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        List<String> words = new ArrayList<>(List.of("explain"));
        words.addAll(List.of(args));
        int status = new Signet(CLOCK, new KeyGenerator(), out.stream(), err.stream()).run(words.toArray(String[]::new));
        return new Result(status, out.text(), err.text());
    }

    /** The headers a correct client sends for BODY, signed at {@code at}. */
    private static Map<String, String> signed(Scheme scheme, String keyId, String secret, Instant at) {
        RequestSigner signer = new RequestSigner(scheme, Clock.fixed(at, ZoneOffset.UTC), () -> "5b0c7e8e-8d4e-4c4b-9f0a-2a6f1f3b9c11");
        return signer.sign(new CanonicalRequest("POST", "/" + scheme.name() + "/echo",
                BodyHash.of(BODY.getBytes(StandardCharsets.UTF_8))), keyId, Secret.of(secret)).headers();
    }

    private List<String> common(Scheme scheme, Map<String, String> headers, String body) {
        List<String> args = new ArrayList<>(List.of("--preset", scheme.name(), "--method", "POST",
                "--url", "http://127.0.0.1:8080/" + scheme.name() + "/echo", "--body", body,
                "--keys", DemoKeyFiles.write(directory).toString()));
        headers.forEach((name, value) -> {
            args.add("--header");
            args.add(name + ": " + value);
        });
        return args;
    }

    private Result explain(List<String> args) {
        return explain(args.toArray(String[]::new));
    }

    @Test
    void aTamperedBodyIsRefusedAtTheSignatureStep() {
        Map<String, String> headers = signed(Presets.CANONICAL_NONCE, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, NOW);
        Result result = explain(common(Presets.CANONICAL_NONCE, headers, "{\"amount\":\"999.00\"}"));
        assertEquals(1, result.status(), result.err());
        assertTrue(result.out().contains("verdict  REFUSED at step 7 (signature): SIGNATURE_MISMATCH"), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+7\\s+signature\\s+FAILED\\s+Signature mismatch.*")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+5\\s+time window\\s+passed.*")), result.out());
    }

    @Test
    void theSignedStringIsTheOneTheServerComputesForTheBodyReceived() {
        Map<String, String> headers = signed(Presets.CANONICAL_NONCE, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, NOW);
        String tampered = "{\"amount\":\"999.00\"}";
        Result result = explain(common(Presets.CANONICAL_NONCE, headers, tampered));
        String expected = "  |POST\n  |/canonical-nonce/echo\n  |" + NOW.getEpochSecond() + "\n  |5b0c7e8e-8d4e-4c4b-9f0a-2a6f1f3b9c11\n  |"
                + BodyHash.of(tampered.getBytes(StandardCharsets.UTF_8)).hex() + "\n";
        assertTrue(result.out().contains(expected), result.out());
    }

    @Test
    void anUntouchedRequestPassesEveryStepThatCanBeCheckedOffline() {
        Map<String, String> headers = signed(Presets.CANONICAL, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, NOW.minusSeconds(3));
        Result result = explain(common(Presets.CANONICAL, headers, BODY));
        assertEquals(0, result.status(), result.out());
        assertTrue(result.out().contains("verdict  PASSES"), result.out());
        assertTrue(result.out().contains("3 s old; the window is 30 s back and 30 s ahead"), result.out());
    }

    @Test
    void aStaleTimestampIsRefusedAtTheWindowStepAndTheHintSaysTheSignatureMatches() {
        Map<String, String> headers = signed(Presets.JSON_PAYLOAD, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET,
                NOW.minusSeconds(3600));
        Result result = explain(common(Presets.JSON_PAYLOAD, headers, BODY));
        assertEquals(1, result.status());
        assertTrue(result.out().contains("REFUSED at step 5 (time window): TIMESTAMP_OUT_OF_WINDOW"), result.out());
        assertTrue(result.out().contains("The signature itself matches."), result.out());
    }

    @Test
    void atEvaluatesTheWindowAtTheCapturesOwnTime() {
        Instant captured = NOW.minusSeconds(3600);
        Map<String, String> headers = signed(Presets.CANONICAL, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, captured);
        List<String> args = common(Presets.CANONICAL, headers, BODY);
        args.addAll(List.of("--at", String.valueOf(captured.getEpochSecond() + 1)));
        assertEquals(0, explain(args).status());
    }

    @Test
    void anUnknownKeyIsRefusedAtTheKeyLookupStep() {
        Map<String, String> headers = signed(Presets.CANONICAL, "nobody", "a-secret-nobody-has", NOW);
        Result result = explain(common(Presets.CANONICAL, headers, BODY));
        assertEquals(1, result.status());
        assertTrue(result.out().contains("REFUSED at step 2 (key lookup): UNKNOWN_KEY"), result.out());
    }

    @Test
    void missingHeadersAreRefusedAtTheCredentialsStepAndNamed() {
        Result result = explain(common(Presets.CANONICAL_NONCE, Map.of("X-Api-Key", DemoKeyFiles.WRITER_ID), BODY));
        assertEquals(1, result.status());
        assertTrue(result.out().contains("REFUSED at step 1 (credentials): MISSING_CREDENTIALS"), result.out());
        assertTrue(result.out().contains("X-Api-Key, X-Timestamp, X-Nonce, X-Signature"), result.out());
    }

    @Test
    void theSecretNeverAppearsEvenUnderThePresetThatSignsIt() {
        Map<String, String> headers = signed(Presets.TIMESTAMP_SECRET, DemoKeyFiles.WRITER_ID, "the-wrong-secret-123", NOW);
        Result result = explain(common(Presets.TIMESTAMP_SECRET, headers, BODY));
        assertTrue(result.out().contains("  |" + NOW.getEpochSecond() + ":<secret>"), result.out());
        assertFalse(result.out().contains(DemoKeyFiles.WRITER_SECRET), result.out());
        assertTrue(result.out().contains("REFUSED at step 7"), result.out());
    }

    @Test
    void aRawHttpCaptureGivesTheMethodPathHeadersAndBody() throws Exception {
        Map<String, String> headers = signed(Presets.CANONICAL, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, NOW);
        StringBuilder capture = new StringBuilder("POST /canonical/echo?page=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n");
        headers.forEach((name, value) -> capture.append(name).append(": ").append(value).append("\r\n"));
        capture.append("Content-Type: application/json\r\n\r\n").append(BODY);
        Path file = Files.writeString(directory.resolve("capture.http"), capture);
        Result result = explain("--preset", "canonical", "--headers-file", file.toString(),
                "--keys", DemoKeyFiles.write(directory).toString());
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().contains("request  POST /canonical/echo\n"), result.out());
    }

    @Test
    void curlVerboseOutputGivesTheRequestCurlSent() throws Exception {
        Map<String, String> headers = signed(Presets.CANONICAL, DemoKeyFiles.WRITER_ID, DemoKeyFiles.WRITER_SECRET, NOW);
        StringBuilder capture = new StringBuilder("*   Trying 127.0.0.1:8080...\n> POST /canonical/echo HTTP/1.1\n> Host: x\n");
        headers.forEach((name, value) -> capture.append("> ").append(name).append(": ").append(value).append('\n'));
        capture.append(">\n< HTTP/1.1 401 Unauthorized\n< Content-Type: application/problem+json\n");
        Path file = Files.writeString(directory.resolve("curl-v.txt"), capture);
        Result result = explain("--preset", "canonical", "--headers-file", file.toString(), "--body", BODY,
                "--keys", DemoKeyFiles.write(directory).toString());
        assertEquals(0, result.status(), result.out() + result.err());
    }

    @Test
    void withoutTheKeysItIsAUsageError() {
        Result result = explain("--preset", "canonical", "--method", "GET", "--path", "/x", "--header", "X-API-Key: k");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("--keys FILE, or one --secret"), result.err());
    }
}
