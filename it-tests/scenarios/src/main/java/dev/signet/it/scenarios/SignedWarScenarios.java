// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import dev.signet.core.rfc9421.DigestAlgorithm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.signet.client.HttpSignatureFeature;
import dev.signet.client.SigningFeature;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.it.app.AppKeys;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * What Signet must do on every server, over HTTP against the deployed {@link ScenarioWar}. A server module
 * extends this class and adds only its {@code @Deployment} (testable = false): the tests run in the test JVM
 * as the server's callers do, signed by the client filter or by hand from the seed documents' recipes.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class SignedWarScenarios {

    // HTTP/1.1: the JDK client's h2c upgrade can stall a POST body on some servers (TOOLCHAIN pitfall 2).
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    /** UTF-8 text beyond ASCII, then bytes that are no text at all: the resource must read them unchanged. */
    private static final byte[] NON_ASCII_BODY = concat(
        "{\"payee\":\"Zoë Ångström\",\"memo\":\"☕ 12,50 € ✓ 🚀\"}".getBytes(StandardCharsets.UTF_8),
        new byte[] {0, (byte) 0xff, (byte) 0xfe, (byte) 0x80, '\r', '\n'});

    @ArquillianResource
    URL base;

    private Client client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    static Stream<String> presets() {
        return Refusal.PRESETS.stream();
    }

    static Stream<String> presetsWithReplayKey() {
        return Stream.of("json-payload", "canonical", "canonical-nonce");
    }

    static Stream<Object[]> refusals() {
        return Refusal.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void signedGetFromTheClientFilterIsAccepted(String preset) {
        Answer answer = filterSigned(preset, AppKeys.WRITER).path(preset + "/echo").get();

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(AppKeys.WRITER, answer.string("keyId"));
        assertEquals(preset, answer.string("scheme"));
        assertEquals(0, answer.json().getInt("bodyLength"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void signedPostFromTheClientFilterReachesTheResourceByteForByte(String preset) {
        byte[] body = uniqueBody();
        Answer answer = filterSigned(preset, AppKeys.WRITER).path(preset + "/echo").post(body);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(body.length, answer.json().getInt("bodyLength"));
        assertEquals(HandSignedRequest.sha256Hex(body), answer.string("bodySha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void handSignedGetFollowingTheSeedDocumentIsAccepted(String preset) throws Exception {
        // The reader, not the writer: under canonical, the filter-signed GET of the writer in the same second
        // would be the same (key, timestamp, signature) tuple, which its document refuses as a replay.
        Answer answer = send(handSigned(preset, "GET", preset + "/echo", AppKeys.READER));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(AppKeys.READER, answer.string("principal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void handSignedPostFollowingTheSeedDocumentReachesTheResourceByteForByte(String preset) throws Exception {
        byte[] body = uniqueBody();
        Answer answer = send(handSigned(preset, "POST", preset + "/echo", AppKeys.WRITER).body(body));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(HandSignedRequest.sha256Hex(body), answer.string("bodySha256"));
    }

    static Stream<String> placements() {
        return Stream.of("interface-method", "interface-type", "superclass-method", "superclass-type", "locator/sub");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void anUnsignedRequestIsRefusedWhereverSignedRequiredIsWritten(String placement) throws Exception {
        Answer answer = send(HttpRequest.newBuilder(api("placement/" + placement)).GET().build());

        assertEquals(401, answer.status(), answer::toString);
        assertEquals("GA2001", answer.string("code"), answer::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void aSignedRequestIsServedWhereverSignedRequiredIsWritten(String placement) {
        Answer answer = filterSigned("canonical-nonce", AppKeys.READER).path("placement/" + placement).get();

        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.json().getBoolean("served"), answer::toString);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void eachPipelineStepRefusesAsThePresetsDocumentSays(String preset, Refusal refusal) throws Exception {
        Answer answer = send(spoiled(preset, refusal));

        assertEquals(refusal.status(preset), answer.status(), answer::toString);
        String[] marker = refusal.marker(preset);
        assertEquals(marker[1], answer.string(marker[0]), answer::toString);
        assertEquals(Refusal.mediaType(preset), answer.mediaType());
        if (answer.status() == 401) {
            assertNotNull(answer.challenge(), "a 401 carries WWW-Authenticate");
            assertTrue(answer.challenge().contains("scheme=\"" + preset + "\""), answer.challenge());
        } else {
            assertNull(answer.challenge(), "only a 401 carries WWW-Authenticate");
        }
        assertFalse(answer.raw().contains(AppKeys.secretOf(AppKeys.WRITER)), "no secret in an answer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presetsWithReplayKey")
    void aReplayedRequestIsRefused(String preset) throws Exception {
        HttpRequest request = handSigned(preset, "POST", preset + "/echo", AppKeys.WRITER).body(uniqueBody()).build();

        assertEquals(200, send(request).status());
        Answer replay = send(request);

        assertEquals(401, replay.status(), replay::toString);
        if ("canonical-nonce".equals(preset)) {
            assertEquals("NONCE_REUSED", replay.string("message"));
        } else {
            assertEquals("https://signet.dev/problems/replayed", replay.string("type"));
        }
    }

    @Test
    void timestampSecretsHmacIsReusableWithinItsWindowAsItsDocumentRequires() throws Exception {
        HttpRequest request = handSigned("timestamp-secret", "GET", "timestamp-secret/echo", AppKeys.WRITER).build();

        assertEquals(200, send(request).status());
        assertEquals(200, send(request).status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aScopedEndpointAdmitsOnlyAKeyHoldingTheScope(String preset) {
        Answer writer = filterSigned(preset, AppKeys.WRITER).path(preset + "/scoped").post(uniqueBody());
        assertEquals(200, writer.status(), writer::toString);

        Answer reader = filterSigned(preset, AppKeys.READER).path(preset + "/scoped").post(uniqueBody());
        assertEquals(403, reader.status(), reader::toString);
    }

    @Test
    void rolesAllowedSeesTheKeysScopesAsRoles() {
        Answer writer = filterSigned("canonical", AppKeys.WRITER).path("canonical/roles").get();
        assertEquals(200, writer.status(), writer::toString);
        assertTrue(writer.json().getBoolean("inWriteRole"));

        // Refused by Signet, in the scheme's own format, before a role filter of the server's (Payara's
        // MicroProfile JWT filter, also at AUTHORIZATION) could answer with its HTML error page.
        Answer reader = filterSigned("canonical", AppKeys.READER).path("canonical/roles").get();
        assertEquals(403, reader.status(), reader::toString);
        assertEquals("https://signet.dev/problems/scope-missing", reader.string("type"), reader::toString);
    }

    static Stream<String> webhookSenders() {
        return WebhookPresets.all().stream().map(WebhookScheme::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookSenders")
    void aWebhookIsVerifiedAsItsSenderSignsItAndItsRedeliveryIsARefusedReplay(String sender) throws Exception {
        byte[] body = ("{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"invoice.paid\"}")
            .getBytes(StandardCharsets.UTF_8);
        Map<String, String> sent = new ConcurrentHashMap<>();
        Client hooks = ClientBuilder.newBuilder()
            .register(SigningFeature.webhook(WebhookPresets.byName(sender).orElseThrow())
                .secret(AppKeys.WEBHOOK_SECRET).build())
            .register((ClientResponseFilter) (request, response) -> request.getStringHeaders()
                .forEach((name, values) -> sent.put(name, String.join(",", values))))
            .build();
        // Signed as the sender signs, then delivered where nothing listens: refused with 404 before any
        // verification, so nothing is recorded, and the headers are at hand to send again.
        try (Response response = hooks.target(api("hooks/" + sender + "/nowhere")).request("application/json")
                .post(Entity.entity(body, "application/json"))) {
            assertEquals(404, response.getStatus());
        } finally {
            hooks.close();
        }

        Answer tampered = send(delivery(sender, sent, "{\"id\":\"evt_forged\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, tampered.status(), tampered::toString);
        assertEquals("https://signet.dev/problems/signature-mismatch", tampered.string("type"), tampered::toString);

        Answer delivered = send(delivery(sender, sent, body));
        assertEquals(200, delivered.status(), delivered::toString);
        assertEquals(AppKeys.webhookKey(sender), delivered.string("keyId"));
        assertEquals(sender, delivered.string("scheme"));
        assertEquals(HandSignedRequest.sha256Hex(body), delivered.string("bodySha256"));

        Answer redelivered = send(delivery(sender, sent, body));
        assertEquals(401, redelivered.status(), redelivered::toString);
        assertEquals("https://signet.dev/problems/replayed", redelivered.string("type"), redelivered::toString);
    }

    /** The headers the sender sent, with {@code body}: byte for byte the same delivery when the body is. */
    private HttpRequest delivery(String sender, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("hooks/" + sender))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    /** Headers the JDK client writes itself and refuses to be given. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("content-length", "host", "connection",
        "expect", "upgrade");

    /**
     * Whether this server makes a verified key its Jakarta Security caller. GlassFish and Payara do with no
     * configuration, WildFly with {@code integrated-jaspi=false} (its module's server.yml); a server module
     * whose server does not says so by overriding this.
     */
    protected boolean verifiedKeyIsTheServersCaller() {
        return true;
    }

    @Test
    void theServersOwnSecurityChecksSeeTheVerifiedKey() {
        Answer writer = filterSigned("canonical", AppKeys.WRITER).path("canonical/server-caller").get();
        Answer reader = filterSigned("canonical", AppKeys.READER).path("canonical/server-caller").get();

        assertEquals(200, writer.status(), writer::toString);
        assertEquals(200, reader.status(), reader::toString);
        if (verifiedKeyIsTheServersCaller()) {
            assertFalse(writer.json().isNull("caller"), writer::toString);
            assertEquals(AppKeys.WRITER, writer.string("caller"), writer::toString);
            assertEquals(AppKeys.WRITER, writer.string("ejbCaller"), writer::toString);
            assertTrue(writer.json().getBoolean("inWriteRole"), writer::toString);
            assertTrue(writer.json().getBoolean("ejbWriteAllowed"), writer::toString);
            assertEquals(AppKeys.READER, reader.string("caller"), reader::toString);
            assertEquals(AppKeys.READER, reader.string("ejbCaller"), reader::toString);
        } else { // the server's checks see an anonymous caller, never the key
            assertTrue(writer.json().isNull("caller") || !AppKeys.WRITER.equals(writer.string("caller")), writer::toString);
            assertFalse(writer.json().getBoolean("ejbWriteAllowed"), writer::toString);
        }
        assertFalse(reader.json().getBoolean("inWriteRole"), reader::toString);
        assertFalse(reader.json().getBoolean("ejbWriteAllowed"), reader::toString);
    }

    @Test
    void theInjectedCallerBeanDescribesTheVerifiedKey() {
        Answer answer = filterSigned("canonical-nonce", AppKeys.WRITER).path("canonical-nonce/echo").get();

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(AppKeys.WRITER, answer.string("keyId"));
        assertEquals(AppKeys.WRITER, answer.string("principal"));
        assertEquals(AppKeys.TENANT, answer.string("tenant"));
        assertEquals(AppKeys.READ + " " + AppKeys.WRITE, answer.string("scopes"));
        assertEquals("canonical-nonce", answer.string("scheme"));

        Answer reader = filterSigned("canonical-nonce", AppKeys.READER).path("canonical-nonce/echo").get();
        assertEquals(AppKeys.READER, reader.string("keyId"));
        assertTrue(reader.json().isNull("tenant"));
        assertFalse(reader.json().getBoolean("inWriteRole"));
    }

    @Test
    void theApplicationsOwnKeyRepositoryBeanIsAsked() throws Exception {
        long before = probe().getJsonNumber("lookups").longValue();

        assertEquals(200, filterSigned("canonical-nonce", AppKeys.READER).path("canonical-nonce/echo").get().status());

        var after = probe();
        assertEquals("AppKeyRepository", after.getString("bean"));
        assertTrue(after.getJsonNumber("lookups").longValue() > before, () -> "lookups stayed at " + before);
    }

    @Test
    void theSchemeOfAnUnnamedEndpointComesFromTheServersConfiguration() {
        // ScenarioWar.SERVER_SETTINGS names canonical; the WAR itself carries no setting.
        Answer answer = filterSigned("canonical", AppKeys.READER).path("configured/echo").get();
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("canonical", answer.string("scheme"));

        assertEquals(401, filterSigned("canonical-nonce", AppKeys.READER).path("configured/echo").get().status());
    }

    @Test
    void aFiftyMebibyteUploadIsVerifiedAndStreamedToTheResource() {
        byte[] body = new byte[50 * 1024 * 1024];
        new Random(9421).nextBytes(body);

        Answer answer = filterSigned("canonical-nonce", AppKeys.WRITER).path("canonical-nonce/upload").post(body);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(body.length, answer.json().getJsonNumber("bodyLength").longValue());
        assertEquals(HandSignedRequest.sha256Hex(body), answer.string("bodySha256"));
    }

    @Test
    void aBadRequestIsAnsweredInJsonNeverWithAStackTrace() throws Exception {
        HttpRequest garbage = HttpRequest.newBuilder(api("canonical-nonce/echo"))
            .header("X-Api-Key", "not a key; <script>")
            .header("X-Timestamp", "9".repeat(400))
            .header("X-Nonce", "\u00e9\u00e9")
            .header("X-Signature", "%%%")
            .GET().build();

        Answer answer = send(garbage);

        assertEquals(401, answer.status(), answer::toString);
        assertEquals("GA2001", answer.string("code"));
        assertFalse(answer.raw().contains("Exception"), answer::toString);
    }

    // ---- RFC 9421: the standard, through the same pipeline on every server ----

    @Test
    void rfc9421FromTheClientFilterWithAnHmacSecretIsAcceptedAndTheBodyArrivesByteForByte() {
        Answer get = rfc9421Signed(HttpSignatureFeature.builder(AppKeys.WRITER).secret(AppKeys.secretOf(AppKeys.WRITER)))
            .path("rfc9421/echo?page=1&q=a%20b").get();
        assertEquals(200, get.status(), get::toString);
        assertEquals("rfc9421", get.string("scheme"));

        byte[] body = uniqueBody();
        Answer post = rfc9421Signed(HttpSignatureFeature.builder(AppKeys.WRITER).secret(AppKeys.secretOf(AppKeys.WRITER)))
            .path("rfc9421/echo").post(body);
        assertEquals(200, post.status(), post::toString);
        assertEquals(HandSignedRequest.sha256Hex(body), post.string("bodySha256"));
    }

    @Test
    void rfc9421WithAnEd25519KeyIsAcceptedAndAKeyWithoutTheScopeIsNot() {
        Answer post = rfc9421Signed(HttpSignatureFeature.builder(AppKeys.ED25519).privateKeyPem("ed25519", AppKeys.ED25519_PRIVATE_PEM))
            .path("rfc9421/scoped").post(uniqueBody());
        assertEquals(200, post.status(), post::toString);
        assertEquals(AppKeys.ED25519, post.string("keyId"));

        Answer reader = rfc9421Signed(HttpSignatureFeature.builder(AppKeys.READER).secret(AppKeys.secretOf(AppKeys.READER)))
            .path("rfc9421/scoped").post(uniqueBody());
        assertEquals(403, reader.status(), reader::toString);
        assertEquals("https://signet.dev/problems/scope-missing", reader.string("type"));
    }

    @Test
    void rfc9421RefusalsCarryAcceptSignatureAndAReplayOrAChangedBodyIsRefused() throws Exception {
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(api("rfc9421/echo"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());
        assertEquals("https://signet.dev/problems/missing-credentials", Answer.of(unsigned).string("type"));
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created",
            unsigned.headers().firstValue("Accept-Signature").orElse(null));

        byte[] body = uniqueBody();
        HttpRequest signed = rfc9421HandSigned(api("rfc9421/echo"), body, body);
        assertEquals(200, send(signed).status());
        Answer replay = send(signed);
        assertEquals(401, replay.status(), replay::toString);
        assertEquals("https://signet.dev/problems/replayed", replay.string("type"));

        Answer changed = send(rfc9421HandSigned(api("rfc9421/echo"), body, "{\"amount\":\"99.00\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, changed.status(), changed::toString);
        assertEquals("Content-Digest does not match the body", changed.string("detail"));
    }

    /** Signed with core's RFC 9421 signer and sent by the JDK client: {@code sent} may differ from {@code signedBody}. */
    private static HttpRequest rfc9421HandSigned(URI uri, byte[] signedBody, byte[] sent) {
        ContentDigest.Hasher digest = new ContentDigest.Hasher(java.util.Set.of(DigestAlgorithm.SHA_256));
        digest.update(signedBody, 0, signedBody.length);
        Rfc9421Signer signer = Rfc9421Signer.builder(AppKeys.WRITER, SigningKey.hmac(AppKeys.secretOf(AppKeys.WRITER))).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(sent))
            .header("Content-Type", "application/octet-stream");
        signer.sign("POST", uri.toString(), name -> java.util.List.of(), digest.finish(), Instant.now(), UUID.randomUUID().toString())
            .headers().forEach(request::header);
        return request.build();
    }

    private SignedTarget rfc9421Signed(HttpSignatureFeature.Builder feature) {
        if (client != null) {
            client.close();
        }
        client = ClientBuilder.newBuilder()
            .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
            .readTimeout(120, java.util.concurrent.TimeUnit.SECONDS)
            .register(feature.build())
            .build();
        return new SignedTarget(client, URI.create(base.toExternalForm()).resolve("api/"));
    }

    /** The application's base, {@code http://127.0.0.1:port/ledger/}, for subclasses that add scenarios. */
    protected URL base() {
        return base;
    }

    protected URI api(String path) {
        return URI.create(base.toExternalForm()).resolve("api/" + path);
    }

    protected HandSignedRequest handSigned(String preset, String method, String path, String keyId) {
        return HandSignedRequest.of(preset, method, api(path)).key(keyId, AppKeys.secretOf(keyId));
    }

    protected static Answer send(HandSignedRequest request) throws IOException, InterruptedException {
        return send(request.build());
    }

    protected static Answer send(HttpRequest request) throws IOException, InterruptedException {
        return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private jakarta.json.JsonObject probe() throws Exception {
        return send(HttpRequest.newBuilder(api("probe/key-repository")).GET().build()).json();
    }

    /** The request that {@code refusal} must stop, correct in every other way. */
    private HandSignedRequest spoiled(String preset, Refusal refusal) {
        byte[] body = "{\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8);
        String keyId = switch (refusal) {
            case UNKNOWN_KEY -> "no-such-key";
            case DISABLED_KEY -> AppKeys.DISABLED;
            case REVOKED_KEY -> AppKeys.REVOKED;
            case EXPIRED_KEY -> AppKeys.EXPIRED;
            case IP_NOT_ALLOWED -> AppKeys.ELSEWHERE;
            case MISSING_SCOPE -> AppKeys.READER;
            default -> AppKeys.WRITER;
        };
        HandSignedRequest request = handSigned(preset, "POST", preset + "/scoped", keyId).body(body);
        return switch (refusal) {
            case NO_CREDENTIALS -> request.unsigned();
            case MALFORMED_TIMESTAMP -> request.timestampText("yesterday");
            case UNKNOWN_KEY -> request.key(keyId, "a-secret-nobody-issued");
            case STALE_TIMESTAMP -> request.at(Instant.now().minus(Duration.ofHours(1)));
            case FUTURE_TIMESTAMP -> request.at(Instant.now().plus(Duration.ofHours(1)));
            case WRONG_SECRET -> request.key(keyId, "not-" + AppKeys.secretOf(keyId));
            case TAMPERED_BODY -> request.sendInstead("{\"amount\":\"99.00\"}".getBytes(StandardCharsets.UTF_8));
            default -> request;
        };
    }

    private SignedTarget filterSigned(String preset, String keyId) {
        if (client != null) {
            client.close();
        }
        client = ClientBuilder.newBuilder()
            .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
            .readTimeout(120, java.util.concurrent.TimeUnit.SECONDS)
            .register(SigningFeature.builder(Presets.byName(preset).orElseThrow())
                .keyId(keyId)
                .secret(AppKeys.secretOf(keyId))
                .clock(Clock.systemUTC())
                .nonces(() -> UUID.randomUUID().toString())
                .build())
            .build();
        return new SignedTarget(client, URI.create(base.toExternalForm()).resolve("api/"));
    }

    /** Requests through the client filter: the way a Java caller of the server signs. */
    protected record SignedTarget(Client client, URI api) {

        SignedTarget path(String path) {
            return new SignedTarget(client, api.resolve(path));
        }

        Answer get() {
            try (Response response = client.target(api).request("application/json").get()) {
                return Answer.of(response);
            }
        }

        Answer post(byte[] body) {
            try (Response response = client.target(api).request("application/json")
                    .post(Entity.entity(body, "application/octet-stream"))) {
                return Answer.of(response);
            }
        }
    }

    /**
     * {@link #NON_ASCII_BODY} made unique: under canonical, two equal POSTs in one second are one
     * (key, timestamp, signature) tuple, and its document refuses the second as a replay.
     */
    private static byte[] uniqueBody() {
        return concat(NON_ASCII_BODY, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
