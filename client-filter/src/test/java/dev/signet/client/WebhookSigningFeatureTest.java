// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.webhooks.StandardWebhooks;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client filter signs as each webhook sender, and the provider's filter (configured as an operator
 * would: key file, {@code signet.scheme}, {@code signet.scheme.<name>.key}) verifies it: a team can test its
 * own webhook endpoint end to end.
 */
class WebhookSigningFeatureTest {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("client filter webhook secret 32b".getBytes(StandardCharsets.US_ASCII));
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("the one before it, also 32 bytes".getBytes(StandardCharsets.US_ASCII));

    static List<WebhookScheme> presets() {
        return WebhookPresets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void signedAsTheSenderAndVerifiedByTheProvider(WebhookScheme scheme) {
        try (ProviderVerifyingServer server = ProviderVerifyingServer.startWebhook(scheme, ApiKey.of("hooks", SECRET))) {
            Client client = ClientBuilder.newClient().register(SigningFeature.webhook(scheme).secret(SECRET).build());
            try {
                String body = "{\"event\":\"" + scheme.name() + "\",\"n\":1}";
                assertReceived(body.getBytes(StandardCharsets.UTF_8), post(client, server, "/hooks", body));
                // A body spooled to a file before it is signed, and a request without a body.
                byte[] large = new byte[3 * 1024 * 1024];
                new Random(scheme.name().hashCode()).nextBytes(large);
                assertReceived(large, post(client, server, "/large", large));
                Response get = client.target(server.baseUri()).path("/empty").request().get();
                assertEquals(200, get.getStatus(), get.readEntity(String.class));
            } finally {
                client.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aFeatureWithTheWrongSecretIsRefused(WebhookScheme scheme) {
        try (ProviderVerifyingServer server = ProviderVerifyingServer.startWebhook(scheme, ApiKey.of("hooks", SECRET))) {
            Client client = ClientBuilder.newClient().register(SigningFeature.webhook(scheme).secret(OLD_SECRET).build());
            try (Response answer = client.target(server.baseUri()).path("/hooks").request()
                    .post(Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE))) {
                assertEquals(401, answer.getStatus());
                assertEquals("https://signet.dev/problems/signature-mismatch", json(answer.readEntity(String.class)).getString("type"));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void duringARotationStripeAndStandardWebhooksSendBothSignaturesAndEitherSecretVerifies() {
        for (WebhookScheme scheme : List.of(WebhookPresets.STRIPE, WebhookPresets.STANDARD_WEBHOOKS)) {
            for (String held : List.of(OLD_SECRET, SECRET)) {
                try (ProviderVerifyingServer server = ProviderVerifyingServer.startWebhook(scheme, ApiKey.of("hooks", held))) {
                    Client client = ClientBuilder.newClient()
                            .register(SigningFeature.webhook(scheme).secret(OLD_SECRET).secret(SECRET).build());
                    try {
                        String body = "{\"held\":\"" + (held.equals(SECRET) ? "new" : "old") + "\"}";
                        assertReceived(body.getBytes(StandardCharsets.UTF_8), post(client, server, "/hooks", body));
                    } finally {
                        client.close();
                    }
                }
            }
        }
    }

    @Test
    void everyCallIsANewDeliveryWithItsOwnId() {
        WebhookScheme scheme = WebhookPresets.STANDARD_WEBHOOKS;
        try (ProviderVerifyingServer server = ProviderVerifyingServer.startWebhook(scheme, ApiKey.of("hooks", SECRET))) {
            java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Client client = ClientBuilder.newClient().register(SigningFeature.webhook(scheme).secret(SECRET).build())
                    .register((jakarta.ws.rs.client.ClientResponseFilter) (request, response) ->
                            ids.add(request.getHeaderString(StandardWebhooks.ID)));
            try {
                for (int i = 0; i < 3; i++) {
                    assertReceived("{}".getBytes(StandardCharsets.UTF_8), post(client, server, "/same", "{}"));
                }
                assertEquals(3, ids.size(), "the same body three times is three deliveries");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aCallThatAlreadyCarriesTheSendersHeaderFailsAndNothingIsSent() {
        Client client = ClientBuilder.newClient().register(SigningFeature.webhook(WebhookPresets.GITHUB).secret(SECRET).build());
        try {
            ProcessingException e = assertThrows(ProcessingException.class, () -> client.target("http://127.0.0.1:9/")
                    .request().header("x-hub-signature-256", "sha256=mine").post(Entity.json("{}")));
            assertTrue(String.valueOf(e.getCause()).contains("x-hub-signature-256"), String.valueOf(e.getCause()));
        } finally {
            client.close();
        }
    }

    @Test
    void theFeatureNeedsASecretAndNeverPrintsOne() {
        assertThrows(IllegalStateException.class, () -> SigningFeature.webhook(WebhookPresets.SLACK).build());
        String shown = SigningFeature.webhook(WebhookPresets.SLACK).secret(SECRET).secret(OLD_SECRET).build().toString();
        assertFalse(shown.contains(SECRET) || shown.contains(OLD_SECRET) || shown.contains(SECRET.substring(6)), shown);
        assertTrue(shown.contains("slack"), shown);
    }

    private static Response post(Client client, ProviderVerifyingServer server, String path, Object body) {
        MediaType type = body instanceof byte[] ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.APPLICATION_JSON_TYPE;
        return client.target(server.baseUri()).path(path).request().post(Entity.entity(body, type));
    }

    private static void assertReceived(byte[] sent, Response answer) {
        try (answer) {
            String body = answer.readEntity(String.class);
            assertEquals(200, answer.getStatus(), body);
            assertEquals(BodyHash.of(sent).hex(), json(body).getString("sha256"));
            assertEquals(sent.length, json(body).getJsonNumber("length").longValue());
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
