// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.keys.ApiKey;
import dev.signet.examples.demo.DemoServer;
import dev.signet.examples.demo.DemoSettings;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `signet keygen --algorithm`, `signet sign --preset rfc9421` and `signet explain --preset rfc9421`, against the
 * demo server's /rfc9421 endpoints: one key of every algorithm of RFC 9421's registry, made by keygen into
 * the provider's key file, each signing a GET and a POST that the demo accepts.
 */
class Rfc9421CliAndDemoTest {

    @TempDir
    Path directory;

    record Run(int status, String out, String err) {
    }

    static Run signet(String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream()).run(args);
        return new Run(status, out.text(), err.text());
    }

    @Test
    void keysOfEveryAlgorithmMadeByKeygenSignRequestsTheDemoAcceptsAndExplainShowsTheBase() throws Exception {
        Path keys = directory.resolve("keys.json");
        Map<SignatureAlgorithm, List<String>> signingOptions = new LinkedHashMap<>();
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            String id = "k-" + alg.rfcName();
            if (alg.symmetric()) {
                Run made = signet("keygen", "--keys", keys.toString(), "--id", id, "--scope", "demo:write");
                assertEquals(0, made.status(), made.err());
                signingOptions.put(alg, List.of("--keys", keys.toString(), "--key-id", id));
                continue;
            }
            Path privateKey = directory.resolve(id + ".pem");
            Run made = signet("keygen", "--keys", keys.toString(), "--id", id, "--scope", "demo:write", "--algorithm",
                    alg.rfcName(), "--private-key-out", privateKey.toString());
            assertEquals(0, made.status(), made.err());
            assertFalse(made.out().contains("PRIVATE KEY"), "written to the file, not printed");
            assertTrue(Files.readString(privateKey).startsWith("-----BEGIN PRIVATE KEY-----"));
            signingOptions.put(alg, List.of("--key-id", id, "--algorithm", alg.rfcName(), "--private-key", privateKey.toString()));
        }
        InMemoryKeyRepository repository = KeyFile.load(keys);
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            ApiKey key = repository.find("k-" + alg.rfcName()).orElseThrow();
            assertEquals(alg.symmetric(), key.publicKey() == null, alg.rfcName());
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try (DemoServer server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.empty()), repository)) {
            for (Map.Entry<SignatureAlgorithm, List<String>> e : signingOptions.entrySet()) {
                String get = server.baseUri() + "/rfc9421/echo?page=1";
                Run signedGet = sign(e.getValue(), "--url", get);
                assertEquals(200, send(client, "GET", get, headers(signedGet.out()), null).statusCode(), e.getKey().rfcName());

                String post = server.baseUri() + "/rfc9421/scoped";
                String body = "{\"amount\":100}";
                Run signedPost = sign(e.getValue(), "--url", post, "--body", body, "--show-signed-string");
                assertTrue(signedPost.err().contains("|\"content-digest\": sha-256=:"), signedPost.err());
                Map<String, String> headers = headers(signedPost.out());
                HttpResponse<String> answer = send(client, "POST", post, headers, body);
                assertEquals(200, answer.statusCode(), e.getKey().rfcName() + ": " + answer.body());
                assertTrue(answer.body().contains("k-" + e.getKey().rfcName()), answer.body());

                List<String> explain = new ArrayList<>(List.of("explain", "--preset", "rfc9421", "--method", "POST", "--url", post,
                        "--keys", keys.toString(), "--body", body));
                headers.forEach((name, value) -> explain.addAll(List.of("--header", name + ": " + value)));
                Run passes = signet(explain.toArray(String[]::new));
                assertEquals(0, passes.status(), passes.out() + passes.err());
                assertTrue(passes.out().contains("|\"@signature-params\": (\"@method\" \"@target-uri\" \"content-digest\");created="),
                        passes.out());
                explain.set(explain.indexOf(body), "{\"amount\":900}");
                Run refused = signet(explain.toArray(String[]::new));
                assertEquals(1, refused.status(), refused.out());
                assertTrue(refused.out().contains("Content-Digest does not match the body"), refused.out());
            }
        }
    }

    @Test
    void withoutAlgorithmKeygenStillMakesASecretAndAPublicOnlyKeyCannotSignWithKeys() {
        Path keys = directory.resolve("keys.json");
        assertEquals(0, signet("keygen", "--keys", keys.toString(), "--id", "ed", "--algorithm", "ed25519").status());
        Run printed = signet("keygen", "--keys", keys.toString(), "--id", "ed2", "--algorithm", "ed25519");
        assertTrue(printed.out().contains("-----BEGIN PRIVATE KEY-----"), "shown once when not written to a file");
        Run refused = signet("sign", "--preset", "rfc9421", "--url", "http://127.0.0.1:1/x", "--keys", keys.toString(), "--key-id", "ed");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--private-key"), refused.err());
        assertEquals(2, signet("keygen", "--keys", keys.toString(), "--algorithm", "rsa-md5").status());
    }

    private static Run sign(List<String> keyOptions, String... more) {
        List<String> words = new ArrayList<>(List.of("sign", "--preset", "rfc9421"));
        words.addAll(keyOptions);
        words.addAll(List.of(more));
        Run run = signet(words.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run;
    }

    private static Map<String, String> headers(String printed) {
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([A-Za-z-]+): (.*)$").matcher(printed);
        while (m.find()) {
            headers.put(m.group(1), m.group(2));
        }
        assertTrue(headers.containsKey("Signature-Input") && headers.containsKey("Signature"), printed);
        return headers;
    }

    private static HttpResponse<String> send(HttpClient client, String method, String url, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
