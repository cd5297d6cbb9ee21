// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signed request never follows a redirect: its signature headers would go to the redirect's target, and
 * under the schemes that sign no path (timestamp-secret, json-payload) they are valid there as well.
 */
class RedirectTest {

    private static final ApiKey KEY = ApiKey.of("redirect-key", "redirect-secret");

    static List<Scheme> presets() {
        return Presets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aRedirectToAnotherOriginIsNotFollowedAndTheCallerSeesIt(Scheme scheme) {
        try (JdkVerifyingServer elsewhere = JdkVerifyingServer.start(scheme, KEY);
                ScriptedServer redirecting = ScriptedServer.redirectingTo(elsewhere.baseUri().resolve("wallets"));
                Client client = client(scheme)) {
            Answer answer = Answer.of(client.target(redirecting.baseUri()).path("wallets").request().get());

            assertEquals(307, answer.status(), answer::toString);
            assertEquals(1, redirecting.received().size());
            assertTrue(elsewhere.received().isEmpty(), "the redirect's target received nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aClientThatAsksToFollowRedirectsStillDoesNotFollowASignedRequest(Scheme scheme) {
        try (JdkVerifyingServer elsewhere = JdkVerifyingServer.start(scheme, KEY);
                ScriptedServer redirecting = ScriptedServer.redirectingTo(elsewhere.baseUri().resolve("wallets"));
                Client client = client(scheme).property(ClientProperties.FOLLOW_REDIRECTS, true)) {
            Answer answer = Answer.of(client.target(redirecting.baseUri()).path("wallets").request()
                    .property(ClientProperties.FOLLOW_REDIRECTS, true).get());

            assertEquals(307, answer.status(), answer::toString);
            assertTrue(elsewhere.received().isEmpty(), "the redirect's target received nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aCallerWhoFollowsTheRedirectSendsANewRequestSignedForItsTarget(Scheme scheme) {
        try (JdkVerifyingServer elsewhere = JdkVerifyingServer.start(scheme, KEY);
                ScriptedServer redirecting = ScriptedServer.redirectingTo(elsewhere.baseUri().resolve("wallets"));
                Client client = client(scheme)) {
            URI location;
            try (Response redirect = client.target(redirecting.baseUri()).path("wallets").request().get()) {
                location = redirect.getLocation();
            }
            Answer answer = Answer.of(client.target(location).request().get());

            assertTrue(answer.accepted(), answer::toString);
            assertEquals("VERIFIED", elsewhere.onlyRequest().verdict());
        }
    }

    private static Client client(Scheme scheme) {
        return ClientBuilder.newClient().register(SigningFeature.of(scheme, KEY.id(), KEY.signingSecret().reveal()));
    }
}
