// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signet.client.SigningFeature;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.examples.cli.Signet;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.examples.testing.DemoKeyFiles;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's webhook receivers, {@code POST /{preset}/echo}, verified with the key file's key whose id is the
 * preset: signed by the client filter as the sender, and by {@code signet sign --preset P} (its headers, and
 * its curl command run by curl).
 */
class WebhookDemoTest {

    @TempDir
    static Path directory;

    static Path keys;
    static DemoServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        keys = DemoKeyFiles.writeWithWebhooks(directory);
        server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.of(keys)), DemoKeys.load(keys).repository());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<WebhookScheme> webhooks() {
        return WebhookPresets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void theClientFilterSigningAsTheSenderIsEchoedWithThePresetsKey(WebhookScheme scheme) {
        String body = "{\"type\":\"invoice.paid\",\"note\":\"caf\u00e9\"}";
        Client client = ClientBuilder.newClient()
                .register(SigningFeature.webhook(scheme).secret(DemoKeyFiles.WEBHOOK_SECRETS.get(scheme.name())).build());
        try (Response response = client.target(server.baseUri()).path(scheme.name()).path("echo").request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            assertEquals(200, response.getStatus());
            assertEquals(EchoBodies.expected(scheme.name(), "POST", "/" + scheme.name() + "/echo", body.getBytes(StandardCharsets.UTF_8)),
                    EchoBodies.withoutServed(response.readEntity(String.class)));
        } finally {
            client.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void signetSignPrintsTheSendersHeadersAndTheDemoAcceptsThemOnce(WebhookScheme scheme) throws Exception {
        String body = "{\"id\":\"evt_1\",\"amount\":100}";
        Result signed = sign("--preset", scheme.name(), "--url", url(scheme), "--body", body, "--keys", keys.toString());
        assertEquals(0, signed.status(), signed.err());
        Map<String, String> headers = headers(signed.out());
        assertTrue(headers.containsKey(scheme.signatureHeader()), signed.out());

        HttpResponse<String> first = post(url(scheme), headers, body);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"keyId\":\"" + scheme.name() + "\""), first.body());

        HttpResponse<String> again = post(url(scheme), headers, body);
        assertEquals(401, again.statusCode());
        assertTrue(again.body().contains("https://signet.dev/problems/replayed"), again.body());

        String second = "{\"id\":\"evt_2\",\"amount\":100}";
        HttpResponse<String> tampered = post(url(scheme), headers(sign("--preset", scheme.name(), "--url", url(scheme),
                "--body", second, "--keys", keys.toString()).out()), second.replace("100", "999"));
        assertEquals(401, tampered.statusCode());
        assertTrue(tampered.body().contains("https://signet.dev/problems/signature-mismatch"), tampered.body());
    }

    @Test
    void signetSignWithASecretAndADeliveryIdShowsWhatItSigns() {
        Result signed = sign("--preset", "standard-webhooks", "--url", url(WebhookPresets.STANDARD_WEBHOOKS), "--body", "{}",
                "--secret", DemoKeyFiles.WEBHOOK_SECRETS.get("standard-webhooks"), "--delivery-id", "msg_demo", "--show-signed-string");
        assertEquals(0, signed.status(), signed.err());
        assertTrue(signed.out().contains("webhook-id: msg_demo"), signed.out());
        assertTrue(signed.err().contains("|msg_demo.") && signed.err().contains("<the 2 raw body bytes>"), signed.err());
        assertTrue(!signed.err().contains(DemoKeyFiles.WEBHOOK_SECRETS.get("standard-webhooks")), signed.err());
    }

    @Test
    void signetSignNeedsTheSendersSecretOrAKeyFileWithThePresetsKey() {
        Result neither = sign("--preset", "github", "--url", url(WebhookPresets.GITHUB), "--body", "{}");
        assertEquals(2, neither.status());
        assertTrue(neither.err().contains("give --keys FILE or --secret SECRET"), neither.err());
        Result missing = sign("--preset", "github", "--url", url(WebhookPresets.GITHUB), "--body", "{}",
                "--keys", keys.toString(), "--key-id", "github-staging");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no key github-staging"), missing.err());
    }

    @Test
    void theCurlCommandForStripeGetsA200WhenCurlRunsIt() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Result signed = sign("--preset", "stripe", "--url", url(WebhookPresets.STRIPE), "--body", "{\"it's\":\"quoted\"}",
                "--keys", keys.toString(), "--curl");
        assertEquals(0, signed.status(), signed.err());
        assertTrue(signed.out().startsWith("curl "), signed.out());
        Process process = new ProcessBuilder("sh", "-c", signed.out()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish in 30 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.startsWith("HTTP/1.1 200"), output);
        assertTrue(output.contains("\"keyId\":\"stripe\""), output);
    }

    @Test
    void withoutTheKeyTheEndpointNamesADeliveryIsRefused() throws Exception {
        Result signed = sign("--preset", "slack", "--url", url(WebhookPresets.SLACK), "--body", "a=b", "--secret", "not the secret");
        HttpResponse<String> refused = post(url(WebhookPresets.SLACK), headers(signed.out()), "a=b");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("https://signet.dev/problems/signature-mismatch"), refused.body());
    }

    // ---- helpers ----

    record Result(int status, String out, String err) {
    }

    private static Result sign(String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        List<String> words = new ArrayList<>(List.of("sign"));
        words.addAll(List.of(args));
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream()).run(words.toArray(String[]::new));
        return new Result(status, out.text(), err.text());
    }

    private static String url(WebhookScheme scheme) {
        return server.baseUri() + "/" + scheme.name() + "/echo";
    }

    private static Map<String, String> headers(String printed) {
        Map<String, String> headers = new LinkedHashMap<>();
        printed.lines().forEach(line -> headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim()));
        return headers;
    }

    private static HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

}
