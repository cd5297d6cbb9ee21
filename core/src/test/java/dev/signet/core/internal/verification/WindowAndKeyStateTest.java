// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WindowAndKeyStateTest {

    static java.util.List<Scheme> presets() {
        return Presets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theWindowHoldsBackToItsEdgeAndAheadOnlyAsFarAsTheDocumentSays(Scheme scheme) {
        SignedExchange x = SignedExchange.of(scheme);
        Duration w = scheme.window();
        // Ahead: the whole window where the document bounds drift both ways (seeds 003, 004), else the 5 s skew.
        Duration ahead = scheme.windowBothWays() ? w : Duration.ofSeconds(5);
        assertTrue(x.verifyAt(SignedExchange.NOW.plus(w)).isVerified(), "late edge");
        assertTrue(x.verifyAt(SignedExchange.NOW.minus(ahead)).isVerified(), "early edge");
        assertEquals(Failure.TIMESTAMP_OUT_OF_WINDOW, refusalAt(x, SignedExchange.NOW.plus(w).plusSeconds(1)).failure());
        assertEquals(Failure.TIMESTAMP_OUT_OF_WINDOW, refusalAt(x, SignedExchange.NOW.minus(ahead).minusSeconds(1)).failure());
    }

    @Test
    void aTimestampSecretMacDatedAheadIsNotValidForTenMinutes() {
        // Seed 000: one HMAC "remains valid for a duration of 5 minutes". Dated 300 s ahead, it used to be
        // accepted from now until 10 minutes from now.
        SignedExchange x = SignedExchange.of(Presets.TIMESTAMP_SECRET);
        assertEquals(Failure.TIMESTAMP_OUT_OF_WINDOW, refusalAt(x, SignedExchange.NOW.minusSeconds(300)).failure());
        assertEquals(Failure.TIMESTAMP_OUT_OF_WINDOW, refusalAt(x, SignedExchange.NOW.minusSeconds(6)).failure());
    }

    @Test
    void presetsUseTheirDocumentsWindows() {
        assertEquals(Duration.ofSeconds(300), Presets.TIMESTAMP_SECRET.window());
        assertEquals(Duration.ofSeconds(300), Presets.JSON_PAYLOAD.window());
        assertEquals(Duration.ofSeconds(30), Presets.CANONICAL.window());
        assertEquals(Duration.ofSeconds(60), Presets.CANONICAL_NONCE.window());
    }

    @Test
    void disabledRevokedAndExpiredKeysAreRefusedBeforeTheWindow() {
        ApiKey base = ApiKey.builder("key-1").secret("s3cret-value").scope("items:write").build();
        assertEquals(Failure.KEY_DISABLED, refusalWith(base.toBuilder().status(KeyStatus.DISABLED).build()).failure());
        assertEquals(Failure.KEY_REVOKED, refusalWith(base.toBuilder().status(KeyStatus.REVOKED).build()).failure());
        assertEquals(Failure.KEY_EXPIRED,
                refusalWith(base.toBuilder().expiresAt(SignedExchange.NOW.minusSeconds(1)).build()).failure());
    }

    @Test
    void aRotatedKeyVerifiesWithEitherSecretUntilTheOldOneEnds() {
        ApiKey rotated = ApiKey.builder("key-1")
                .secret(Secret.validUntil("old-secret", SignedExchange.NOW.plusSeconds(10)))
                .secret("new-secret")
                .build();
        SignedExchange withOld = new SignedExchange(Presets.CANONICAL, ApiKey.builder("key-1").secret("old-secret").scope("items:write").build(), "GET", "/a", "");
        SignedExchange withNew = new SignedExchange(Presets.CANONICAL, ApiKey.builder("key-1").secret("new-secret").scope("items:write").build(), "GET", "/a", "");
        assertTrue(verifyAgainst(withOld, rotated, SignedExchange.NOW).isVerified());
        assertTrue(verifyAgainst(withNew, rotated, SignedExchange.NOW).isVerified());
        assertEquals(Failure.SIGNATURE_MISMATCH, assertInstanceOf(Refusal.class,
                verifyAgainst(withOld, rotated, SignedExchange.NOW.plusSeconds(11))).failure());
        assertTrue(verifyAgainst(withNew, rotated, SignedExchange.NOW.plusSeconds(11)).isVerified());
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL_NONCE);
        assertEquals(Failure.SIGNATURE_MISMATCH, assertInstanceOf(Refusal.class,
                verifyAgainst(x, ApiKey.builder("key-1").secret("another-secret").scope("items:write").build(), SignedExchange.NOW)).failure());
    }

    private static Verification verifyAgainst(SignedExchange x, ApiKey serverKey, java.time.Instant now) {
        VerificationPipeline pipeline = VerificationPipeline.offline(x.scheme,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), id -> java.util.Optional.of(serverKey));
        return pipeline.verify(x.received(), dev.signet.core.internal.crypto.BodyHash.of(x.body), serverKey.scopes(), Trace.NONE);
    }

    private static Refusal refusalWith(ApiKey serverKey) {
        // The request is also stale: the key state must answer first (step 3 before step 5).
        SignedExchange x = SignedExchange.of(Presets.CANONICAL);
        return assertInstanceOf(Refusal.class, verifyAgainst(x, serverKey, SignedExchange.NOW.plusSeconds(3600)));
    }

    private static Refusal refusalAt(SignedExchange x, java.time.Instant now) {
        return assertInstanceOf(Refusal.class, x.verifyAt(now));
    }
}
