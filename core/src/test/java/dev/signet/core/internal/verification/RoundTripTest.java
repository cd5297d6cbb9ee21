// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.ReplayKey;
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
            ApiKey key = ApiKey.builder("k" + random.nextInt(1_000_000)).secret(randomSecret(random)).scope("items:write").build();
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
    void aSecondCopyIsRefusedAndAFreshSigningIsNot(Scheme scheme) {
        SignedExchange first = SignedExchange.of(scheme);
        VerificationPipeline pipeline = serverPipeline(scheme, new MemoryReplayStore());
        assertTrue(pipeline.verify(first.received(), BodyHash.of(first.body), first.scopes(), Trace.NONE).isVerified());
        Verification copy = pipeline.verify(first.received(), BodyHash.of(first.body), first.scopes(), Trace.NONE);
        if (scheme.replayKey() == ReplayKey.NONE) {
            assertTrue(copy.isVerified(), "timestamp-secret's HMAC is reusable for its window by its document");
        } else {
            assertEquals(Failure.REPLAYED, assertInstanceOf(Refusal.class, copy).failure());
        }
        if (scheme.replayKey() == ReplayKey.NONCE) {
            SignedExchange second = SignedExchange.of(scheme); // same instant, fresh nonce
            assertTrue(pipeline.verify(second.received(), BodyHash.of(second.body), second.scopes(), Trace.NONE).isVerified(),
                    "two signings are two requests");
        }
    }

    private static VerificationPipeline serverPipeline(Scheme scheme, MemoryReplayStore replay) {
        return VerificationPipeline.forServer(scheme, java.time.Clock.fixed(SignedExchange.NOW, java.time.ZoneOffset.UTC),
                id -> java.util.Optional.of(dev.signet.core.keys.ApiKey.builder(id).secret("s3cret-value").scope("items:write").build()), replay,
                Ports.RateBudget.unlimited(), request -> java.util.Optional.empty(), Ports.TenantBinding.none()).build();
    }

    private static String randomSecret(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8 + random.nextInt(40); i++) {
            s.appendCodePoint(random.nextInt(10) == 0 ? 0xE9 : 0x21 + random.nextInt(94));
        }
        return s.toString();
    }
}
