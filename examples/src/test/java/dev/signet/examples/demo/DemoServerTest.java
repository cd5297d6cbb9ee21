// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.provider.testing.SignedHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo's endpoints over real HTTP, signed by core's signer through a plain JDK client. */
class DemoServerTest {

    static DemoKeys keys;
    static DemoServer server;
    static SignedHttp http;

    @BeforeAll
    static void start() {
        keys = DemoKeys.generate(new KeyGenerator());
        server = DemoServer.start(new DemoSettings("127.0.0.1", 0, Optional.empty()), keys.repository());
        http = new SignedHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Scheme> presets() {
        return Presets.all();
    }

    static ApiKey readOnlyKey() {
        return keys.all().stream().filter(k -> !k.scopes().contains(DemoScopes.WRITE)).findFirst().orElseThrow();
    }

    @Test
    void healthAnswersWithoutASignature() {
        HttpResponse<String> response = http.get("/health").send();
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void theServerIsAtTheRootContextOnLoopback() {
        assertEquals("http://127.0.0.1:" + server.port(), server.baseUri().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aSignedGetIsEchoedWithTheCallersKeyAndTheRawPath(Scheme scheme) {
        HttpResponse<String> response = http.get("/" + scheme.name() + "/echo").signed(scheme, keys.clientKey()).send();
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"keyId\":\"" + keys.clientKey().id() + "\",\"method\":\"GET\",\"path\":\"/" + scheme.name()
                + "/echo\",\"body\":\"\"}", EchoBodies.withoutServed(response.body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aSignedPostIsEchoedWithTheRawBodyItSigned(Scheme scheme) {
        String body = "{\"note\":\"Zoë \\\"quoted\\\" 日本 😀\",\n\"amount\":\"100.00\"}";
        HttpResponse<String> response = http.post("/" + scheme.name() + "/echo", body).signed(scheme, keys.clientKey()).send();
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(EchoBodies.expected(keys.clientKey().id(), "POST", "/" + scheme.name() + "/echo",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), EchoBodies.withoutServed(response.body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aPercentEncodedPathRoutesAsItsDecodedSpellingAndItsRawPathIsWhatIsVerified(Scheme scheme) {
        String encoded = "/" + scheme.name() + "/%65cho"; // %65 is 'e'
        HttpResponse<String> response = http.get(encoded).signed(scheme, keys.clientKey()).send();
        assertEquals(200, response.statusCode(), response.body());
        if (scheme.covers(dev.signet.core.scheme.Component.PATH)) {
            SignedHttp.Call signedForPlain = http.get("/" + scheme.name() + "/echo").signed(scheme, keys.clientKey());
            SignedHttp.Call moved = http.get(encoded);
            moved.headers.putAll(signedForPlain.headers);
            assertEquals(401, moved.send().statusCode(), "a signature for /echo does not verify /%65cho");
        }
    }

    @Test
    void containerErrorsAreJsonAndNameNoServerSoftware() {
        for (HttpResponse<String> response : List.of(http.get("/no/such/path").send(),
                http.call("DELETE", "/health", new byte[0]).send())) {
            assertTrue(response.statusCode() == 404 || response.statusCode() == 405, response.statusCode() + " " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map().toString());
            assertTrue(response.body().startsWith("{\"type\":\"about:blank\""), response.body());
            String everything = (response.headers().map() + response.body()).toLowerCase(java.util.Locale.ROOT);
            assertTrue(!everything.contains("grizzly") && !everything.contains("jersey"), everything);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void anUnsignedEchoIsRefused(Scheme scheme) {
        HttpResponse<String> response = http.get("/" + scheme.name() + "/echo").send();
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theScopedEndpointRefusesAKeyWithoutDemoWrite(Scheme scheme) {
        HttpResponse<String> response = http.post("/" + scheme.name() + "/scoped", "{}").signed(scheme, readOnlyKey()).send();
        assertEquals(403, response.statusCode(), response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theScopedEndpointAcceptsAKeyWithDemoWrite(Scheme scheme) {
        HttpResponse<String> response = http.post("/" + scheme.name() + "/scoped", "{\"x\":1}").signed(scheme, keys.clientKey()).send();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"path\":\"/" + scheme.name() + "/scoped\""), response.body());
    }

    @Test
    void theGeneratedKeysAreOneWithEveryDemoScopeAndOneReadOnly() {
        assertEquals(2, keys.all().size());
        assertTrue(keys.generated());
        assertEquals(java.util.Set.of(DemoScopes.READ, DemoScopes.WRITE), keys.clientKey().scopes());
        assertEquals(java.util.Set.of(DemoScopes.READ), readOnlyKey().scopes());
    }
}
