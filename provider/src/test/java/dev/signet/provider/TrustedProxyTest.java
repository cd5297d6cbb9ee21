// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarded addresses count only from a trusted proxy, and only in the one header that proxy writes:
 * nginx, an ALB or Envoy append to X-Forwarded-For and pass a caller's own Forwarded through.
 */
class TrustedProxyTest {

    @Test
    void behindAnXForwardedForProxyACallersOwnForwardedHeaderIsNeverRead() {
        try (ServerWithSettings proxied = new ServerWithSettings(Map.of("signet.trusted-proxies", "127.0.0.1/32"),
                EchoResource.class)) {
            SignedHttp viaProxy = new SignedHttp(proxied.server().baseUri());
            assertEquals(200, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7").send().statusCode());
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("Forwarded", "for=203.0.113.7").send().statusCode(),
                    "a stolen key with a self-written Forwarded header must not pass the allowlist");
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "203.0.113.7, 198.51.100.1").send().statusCode(),
                    "the right-most untrusted hop is the client");
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.LOOPBACK_ONLY)
                    .header("X-Forwarded-For", "198.51.100.1").send().statusCode());
        }
    }

    @Test
    void behindAForwardedProxyXForwardedForIsNeverRead() {
        try (ServerWithSettings proxied = new ServerWithSettings(Map.of("signet.trusted-proxies", "127.0.0.1/32",
                "signet.forwarded-header", "Forwarded"), EchoResource.class)) {
            SignedHttp viaProxy = new SignedHttp(proxied.server().baseUri());
            assertEquals(200, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("Forwarded", "for=\"[2001:db8::17]:4711\"").send().statusCode());
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "203.0.113.7").send().statusCode());
        }
    }

    @Test
    void fromAnUntrustedPeerNoForwardingHeaderCounts() {
        try (ServerWithSettings direct = new ServerWithSettings(Map.of(), EchoResource.class)) {
            SignedHttp http = new SignedHttp(direct.server().baseUri());
            assertEquals(401, http.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "203.0.113.7").send().statusCode());
        }
    }

    @Test
    void anAddressLiteralThatIsNotStrictlyOneGetsNoAddress() {
        try (ServerWithSettings proxied = new ServerWithSettings(Map.of("signet.trusted-proxies", "127.0.0.1/32"),
                EchoResource.class)) {
            SignedHttp viaProxy = new SignedHttp(proxied.server().baseUri());
            for (String hop : new String[] {"999.0.0.1", "0203.0.113.7", "203.0.113.7.example", "203.0.113.7%eth0"}) {
                assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                        .header("X-Forwarded-For", hop).send().statusCode(), hop);
            }
        }
    }
}
