// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.internal.canonical.CanonicalRequest;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public surface: what a builder accepts, and that the secret never shows. */
class SigningFeatureTest {

    private static final String SECRET = "do-not-print-me-42";

    @Test
    void toStringNamesTheSchemeAndKeyButNeverTheSecret() {
        String text = SigningFeature.of(Presets.CANONICAL_NONCE, "sk_live_abc", SECRET).toString();

        assertTrue(text.contains("canonical-nonce") && text.contains("sk_live_abc"), text);
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void aFeatureNeedsAKeyIdAndASecret() {
        var noKey = assertThrows(IllegalStateException.class,
                () -> SigningFeature.builder(Presets.CANONICAL).secret(SECRET).build());
        var noSecret = assertThrows(IllegalStateException.class,
                () -> SigningFeature.builder(Presets.CANONICAL).keyId("k").build());

        assertTrue(noKey.getMessage().contains("keyId"));
        assertTrue(noSecret.getMessage().contains("secret"));
    }

    @Test
    void aKeyIdThatCannotTravelInAHeaderIsRefusedAtOnce() {
        for (String bad : List.of("", "key id", "clé", "key\n")) {
            assertThrows(IllegalArgumentException.class, () -> SigningFeature.builder(Presets.CANONICAL).keyId(bad));
        }
    }

    @Test
    void aNonceTheSchemeWouldRefuseFailsTheCallWithoutNamingTheSecret() {
        OutgoingSigner signer = signer(() -> "not-a-uuid");

        var failure = assertThrows(IllegalStateException.class,
                () -> signer.signInto(CanonicalRequest.withoutBody("GET", "/x"), new MultivaluedHashMap<>()));
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
    }

    @Test
    void signingWritesTheSchemesHeadersAsItsDocumentSpellsThem() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.add("Accept", "application/json");

        signer(() -> "3b241101-e2bb-4255-8caf-4136c566a962").signInto(CanonicalRequest.withoutBody("GET", "/x"), headers);

        assertEquals(5, headers.size(), headers::toString);
        assertEquals(List.of("3b241101-e2bb-4255-8caf-4136c566a962"), headers.get("x-request-id"));
        assertTrue(headers.containsKey("x-timestamp"), "written as the document spells it");
    }

    @Test
    void aSchemeHeaderInAnySpellingFailsTheSigningNamingItButNotItsValue() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.add("AUTHORIZATION", "Bearer their-own-token");

        var failure = assertThrows(IllegalStateException.class,
                () -> signer(() -> "x").signInto(CanonicalRequest.withoutBody("GET", "/x"), headers));
        assertTrue(failure.getMessage().contains("AUTHORIZATION"), failure.getMessage());
        assertFalse(failure.getMessage().contains("their-own-token"), failure.getMessage());
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
        assertEquals(1, headers.size(), "nothing was written");
    }

    /** What {@code @RegisterProvider(ConfiguredSigning.class)} does: the runtime instantiates the class. */
    @Test
    void aSubclassRegisteredByClassSignsLikeTheFeatureItWraps() {
        try (JdkVerifyingServer server = JdkVerifyingServer.start(Presets.CANONICAL_NONCE, ConfiguredSigning.KEY);
                Client client = ClientBuilder.newClient().register(ConfiguredSigning.class)) {
            Answer answer = Answer.of(client.target(server.baseUri()).path("api/v1/wallets").request().get());

            assertTrue(answer.accepted(), answer::toString);
        }
    }

    public static final class ConfiguredSigning extends SigningFeature {
        static final ApiKey KEY = ApiKey.of("sk_live_by_class", SECRET);

        public ConfiguredSigning() {
            super(SigningFeature.of(Presets.CANONICAL_NONCE, KEY.id(), SECRET));
        }
    }

    private static OutgoingSigner signer(java.util.function.Supplier<String> nonces) {
        return new OutgoingSigner(Presets.JSON_PAYLOAD, "acc_1", Secret.of(SECRET),
                new CorrectableClock(Clock.systemUTC()), nonces, (request, headers) -> { });
    }
}
