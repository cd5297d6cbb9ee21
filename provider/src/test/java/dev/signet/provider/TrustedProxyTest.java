package dev.signet.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.testing.EchoResource;
import dev.signet.provider.testing.ServerWithSettings;
import dev.signet.provider.testing.SignedHttp;
import dev.signet.provider.testing.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Its own class: one Weld SE container per JVM at a time, as CDI.current() expects. */
class TrustedProxyTest {

    @Test
    void forwardedHeadersCountOnlyWhenThePeerIsATrustedProxy() {
        try (ServerWithSettings proxied = new ServerWithSettings(Map.of("signet.trusted-proxies", "127.0.0.1/32"),
                EchoResource.class)) {
            SignedHttp viaProxy = new SignedHttp(proxied.server().baseUri());
            assertEquals(200, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "198.51.100.1, 203.0.113.7").send().statusCode());
            assertEquals(200, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("Forwarded", "for=\"[2001:db8::17]:4711\"").send().statusCode());
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.ELSEWHERE_ONLY)
                    .header("X-Forwarded-For", "203.0.113.7, 198.51.100.1").send().statusCode(),
                    "the right-most untrusted hop is the client");
            assertEquals(401, viaProxy.get("/json-payload/get").signed(Presets.JSON_PAYLOAD, TestKeys.LOOPBACK_ONLY)
                    .header("X-Forwarded-For", "198.51.100.1").send().statusCode());
        }
    }

}
