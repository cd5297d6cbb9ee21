// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeDefinition;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * No preset signs the query string (their documents say "without query string"); a custom scheme can, as
 * sent ({@code {query}}) or in canonical form ({@code {canonicalQuery}}).
 */
class QueryComponentTest {

    @Path("/signed-query")
    public static class QueryResource {
        @GET
        @Path("raw")
        @Produces("application/json")
        @SignedRequired(scheme = "raw-query", scopes = "items:read")
        public String raw() {
            return "{\"served\":true}";
        }

        @GET
        @Path("canonical")
        @Produces("application/json")
        @SignedRequired(scheme = "canonical-query", scopes = "items:read")
        public String canonical() {
            return "{\"served\":true}";
        }
    }

    @Test
    void aSchemeThatSignsTheQueryRefusesAChangedOneAndAPresetDoesNot() {
        Map<String, String> settings = new TreeMap<>(Map.of("signet.schemes", "raw-query,canonical-query"));
        Scheme raw = define(settings, "raw-query", "{timestamp}\\n{method}\\n{path}\\n{query}\\n{bodyHash}");
        Scheme canonical = define(settings, "canonical-query", "{timestamp}\\n{method}\\n{path}\\n{canonicalQuery}\\n{bodyHash}");
        try (ServerWithSettings s = new ServerWithSettings(settings, EchoResource.class, QueryResource.class)) {
            SignedHttp http = new SignedHttp(s.server().baseUri());

            assertEquals(200, http.get("/signed-query/raw?amount=100&to=bob").signed(raw, TestKeys.READER).send().statusCode());
            HttpResponse<String> changed = resend(http, http.get("/signed-query/raw?amount=100&to=bob").signed(raw, TestKeys.READER),
                    "/signed-query/raw?amount=100000&to=bob");
            assertEquals(401, changed.statusCode());
            assertEquals("https://signet.dev/problems/signature-mismatch", Json.field(changed.body(), "type"));

            // The canonical form survives a proxy that reorders and re-encodes, but not a changed value.
            assertEquals(200, resend(http, http.get("/signed-query/canonical?to=b%6Fb&amount=100").signed(canonical, TestKeys.READER),
                    "/signed-query/canonical?amount=100&to=bob").statusCode());
            assertEquals(401, resend(http, http.get("/signed-query/canonical?to=bob&amount=100").signed(canonical, TestKeys.READER),
                    "/signed-query/canonical?to=bob&amount=100000").statusCode());

            // canonical (the preset) follows its document: the query is not signed, so a change passes.
            assertEquals(200, resend(http, http.get("/canonical/get?amount=100").signed(Presets.CANONICAL, TestKeys.READER),
                    "/canonical/get?amount=100000").statusCode());
        }
    }

    private static Scheme define(Map<String, String> settings, String name, String template) {
        Map<String, String> definition = Map.of("header.key-id", "X-Key", "header.timestamp", "X-Time",
                "header.signature", "X-Sig", "header.nonce", "X-Nonce", "template", template.replace("{timestamp}",
                        "{timestamp}\\n{nonce}"));
        definition.forEach((k, v) -> settings.put("signet.scheme." + name + "." + k, v));
        return SchemeDefinition.fromSettings(name, definition);
    }

    /** The headers signed for one target, sent to another: what a tampering intermediary does. */
    private static HttpResponse<String> resend(SignedHttp http, SignedHttp.Call signed, String otherTarget) {
        SignedHttp.Call moved = http.get(otherTarget);
        moved.headers.putAll(signed.headers);
        return moved.send();
    }
}
