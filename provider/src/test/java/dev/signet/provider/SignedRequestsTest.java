// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignedRequestsTest {

    @RegisterExtension
    static final RunningServer server = new RunningServer(EchoResource.class);

    private static SignedHttp http;

    @BeforeAll
    static void client() {
        http = server.http();
    }

    static List<Scheme> presets() {
        return Presets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aSignedGetIsAcceptedAndTheCallerIsTheKey(Scheme scheme) {
        HttpResponse<String> response = http.get("/" + scheme.name() + "/get").signed(scheme, TestKeys.WRITER).send();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"keyId\":\"writer\""), response.body());
        assertTrue(response.body().contains("\"principal\":\"writer\""), response.body());
        assertTrue(response.body().contains("\"tenant\":\"t1\""), response.body());
        assertTrue(response.body().contains("\"inRoleRead\":true"), response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aSignedPostIsAcceptedAndTheResourceReadsTheIdenticalBytes(Scheme scheme) throws Exception {
        String body = "{\"name\":\"Zoë Ångström 日本 😀\",\"amount\":\"100.00\"}";
        HttpResponse<String> response = http.post("/" + scheme.name() + "/post", body).signed(scheme, TestKeys.WRITER).send();
        assertEquals(200, response.statusCode(), response.body());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(response.body().contains("\"bodySha256\":\"" + sha + "\""), response.body());
    }

    @Test
    void theDefaultSchemeComesFromSettingsWhenTheAnnotationNamesNone() {
        // signet.scheme is unset in this JVM, so the default is canonical-nonce.
        assertEquals(200, http.get("/default/get").signed(Presets.CANONICAL_NONCE, TestKeys.READER).send().statusCode());
        assertEquals(401, http.get("/default/get").signed(Presets.CANONICAL, TestKeys.READER).send().statusCode());
    }

    @Test
    void anUnsignedEndpointNextToSignedOnesStaysOpen() {
        assertEquals(200, http.get("/open").send().statusCode());
    }

    @Test
    void theApplicationsOwnKeyRepositoryBeanIsTheOneAsked() {
        int before = server.bean(TestKeys.class).lookups();
        http.get("/canonical/get").signed(Presets.CANONICAL, TestKeys.READER).send();
        assertTrue(server.bean(TestKeys.class).lookups() > before);
    }
}
