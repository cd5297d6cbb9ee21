package dev.signet.core.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign then verify, over many generated requests: keys, methods, encoded paths and arbitrary bodies. */
class RoundTripTest {

    static java.util.List<Scheme> presets() {
        return Presets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyGeneratedRequestVerifies(Scheme scheme) {
        Random random = new Random(scheme.name().hashCode()); // seeded: a failure reproduces
        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
        for (int i = 0; i < 200; i++) {
            ApiKey key = ApiKey.of("k" + random.nextInt(1_000_000), randomSecret(random));
            String path = "/api/v" + random.nextInt(3) + "/items/%E2%9C%93-" + random.nextInt(1000);
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                body.appendCodePoint(random.nextInt(5) == 0 ? 0x4E00 + random.nextInt(500) : 0x20 + random.nextInt(95));
            }
            SignedExchange x = new SignedExchange(scheme, key, methods[random.nextInt(methods.length)], path, body.toString());
            assertTrue(x.verify().isVerified(), () -> scheme.name() + " refused " + x.method + " " + x.path);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyCallGetsAFreshNonceWhereTheSchemeHasOne(Scheme scheme) {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            SignedExchange x = SignedExchange.of(scheme);
            if (scheme.headers().hasNonce()) {
                nonces.add(x.header(scheme.headers().nonce()));
            }
        }
        assertEquals(scheme.headers().hasNonce() ? 50 : 0, nonces.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void replayKeysNameTheDocumentsUniqueParts(Scheme scheme) {
        SignedExchange x = SignedExchange.of(scheme);
        SignatureVerifier verifier = new SignatureVerifier(scheme, java.time.Clock.systemUTC());
        Credentials c = (Credentials) verifier.readCredentials(new ReceivedRequest(x.method, x.path, HeaderSource.of(x.headers)));
        var key = verifier.replayKey(c);
        switch (scheme.replayKey()) {
            case NONE -> assertTrue(key.isEmpty(), "timestamp-secret's HMAC is reusable by its document");
            case NONCE -> assertTrue(key.orElseThrow().endsWith(c.nonce()));
            case KEY_TIMESTAMP_SIGNATURE -> assertTrue(key.orElseThrow().contains(c.timestampText()));
        }
        if (key.isPresent()) {
            SignedExchange other = SignedExchange.of(scheme);
            Credentials c2 = (Credentials) verifier.readCredentials(
                    new ReceivedRequest(other.method, other.path, HeaderSource.of(other.headers)));
            if (scheme.replayKey() == dev.signet.core.scheme.ReplayKey.NONCE) {
                assertNotEquals(key, verifier.replayKey(c2), "two signings are two requests");
            }
        }
    }

    private static String randomSecret(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8 + random.nextInt(40); i++) {
            s.appendCodePoint(random.nextInt(10) == 0 ? 0xE9 : 0x21 + random.nextInt(94));
        }
        return s.toString();
    }
}
