// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.webhooks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.provider.SignedRequired;
import dev.signet.provider.testing.SignetTestServer;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook names no key, so its endpoint must: one that names none fails the deployment, naming the method,
 * rather than refusing every delivery at run time. Naming a key where the request names its own fails too.
 */
class WebhookDeploymentTest {

    @Path("/no-key")
    public static class NoKey {
        @POST
        @SignedRequired(scheme = "github")
        public String post(byte[] body) {
            return "{}";
        }
    }

    @Path("/key-on-a-header-scheme")
    public static class KeyOnHeaderScheme {
        @POST
        @SignedRequired(scheme = "canonical", key = "stripe-live")
        public String post(byte[] body) {
            return "{}";
        }
    }

    @Path("/class-level")
    @SignedRequired(scheme = "slack")
    public static class ClassLevelWithoutKey {
        @POST
        public String post(byte[] body) {
            return "{}";
        }
    }

    @Test
    void aWebhookEndpointThatNamesNoKeyFailsTheDeploymentNamingTheMethod() {
        String message = failure(Map.of(), NoKey.class);
        assertTrue(message.contains("NoKey.post(byte[])") && message.contains("names no key")
                && message.contains("signet.scheme.github.key"), message);
    }

    @Test
    void aClassLevelAnnotationWithoutAKeyFailsForEachMethodItCovers() {
        String message = failure(Map.of(), ClassLevelWithoutKey.class);
        assertTrue(message.contains("ClassLevelWithoutKey") && message.contains("slack"), message);
    }

    @Test
    void aKeyNamedUnderAHeaderSchemeFailsTheDeployment() {
        String message = failure(Map.of(), KeyOnHeaderScheme.class);
        assertTrue(message.contains("KeyOnHeaderScheme.post(byte[])") && message.contains("name their own key"), message);
    }

    @Test
    void theSettingNamesTheKeyWhereTheAnnotationDoesNot() {
        SignetTestServer.start(Map.of("signet.scheme.github.key", "github-live"), null, NoKey.class).close();
    }

    @Test
    void aSettingThatIsNotAKeyIdFailsTheDeploymentNamingIt() {
        String message = failure(Map.of("signet.scheme.github.key", "github live"), NoKey.class);
        assertTrue(message.contains("signet.scheme.github.key"), message);
    }

    private static String failure(Map<String, String> settings, Class<?>... resources) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> SignetTestServer.start(settings, null, resources).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
