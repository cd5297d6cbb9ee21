// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One byte changed in each part of a signed request. A covered part must fail verification; an uncovered
 * one passes, and that is each seed document's own choice, recorded here so nobody mistakes it for a bug.
 */
class TamperingTest {

    enum Part {
        METHOD(Component.METHOD, x -> x.method = "PUT"),
        PATH(Component.PATH, x -> x.path = x.path.substring(0, x.path.length() - 1) + "X"),
        BODY(Component.BODY_HASH, x -> x.body = flipLastByte(x.body)),
        TIMESTAMP(Component.TIMESTAMP, x -> x.header(x.scheme.headers().timestamp(), bumpLastDigit(x.header(x.scheme.headers().timestamp())))),
        NONCE(Component.NONCE, x -> x.header(x.scheme.headers().nonce(), replaceLastHexDigit(x.header(x.scheme.headers().nonce())))),
        KEY_ID(Component.KEY_ID, x -> x.header(x.scheme.headers().keyId(), "key-2"));

        final Component component;
        final Consumer<SignedExchange> change;

        Part(Component component, Consumer<SignedExchange> change) {
            this.component = component;
            this.change = change;
        }
    }

    /** What each seed document chose to sign; everything else can be changed in flight. */
    static final Set<Component> TIMESTAMP_SECRET_COVERS = EnumSet.of(Component.TIMESTAMP, Component.SECRET);
    static final Set<Component> JSON_PAYLOAD_COVERS = EnumSet.of(Component.TIMESTAMP, Component.NONCE, Component.KEY_ID);
    static final Set<Component> CANONICAL_COVERS =
            EnumSet.of(Component.TIMESTAMP, Component.METHOD, Component.PATH, Component.BODY_HASH);
    static final Set<Component> CANONICAL_NONCE_COVERS =
            EnumSet.of(Component.METHOD, Component.PATH, Component.TIMESTAMP, Component.NONCE, Component.BODY_HASH);

    static Stream<Arguments> presetsAndParts() {
        return Presets.all().stream().flatMap(s -> Stream.of(Part.values())
                .filter(p -> p != Part.NONCE || s.headers().hasNonce())
                .map(p -> Arguments.of(s.name(), p)));
    }

    @ParameterizedTest(name = "{0}: changed {1}")
    @MethodSource("presetsAndParts")
    void oneChangedByteFailsExactlyWhenThePartIsSigned(String presetName, Part part) {
        Scheme scheme = Presets.byName(presetName).orElseThrow();
        SignedExchange exchange = SignedExchange.of(scheme);
        assertTrue(exchange.verify().isVerified(), "unchanged request verifies");

        part.change.accept(exchange);
        Verification result = exchange.verify();

        if (scheme.covers(part.component)) {
            Refusal refusal = assertInstanceOf(Refusal.class, result);
            assertEquals(Failure.SIGNATURE_MISMATCH, refusal.failure());
        } else {
            assertTrue(result.isVerified(), presetName + " does not sign " + part + ", so the change passes");
        }
    }

    @Test
    void eachPresetCoversExactlyWhatItsDocumentSigns() {
        assertEquals(TIMESTAMP_SECRET_COVERS, Presets.TIMESTAMP_SECRET.coveredComponents());
        assertEquals(JSON_PAYLOAD_COVERS, Presets.JSON_PAYLOAD.coveredComponents());
        assertEquals(CANONICAL_COVERS, Presets.CANONICAL.coveredComponents());
        assertEquals(CANONICAL_NONCE_COVERS, Presets.CANONICAL_NONCE.coveredComponents());
    }

    @Test
    void timestampSecretCoversNeitherBodyNorPathNorMethod() {
        for (Part part : new Part[] {Part.BODY, Part.PATH, Part.METHOD}) {
            SignedExchange exchange = SignedExchange.of(Presets.TIMESTAMP_SECRET);
            part.change.accept(exchange);
            assertTrue(exchange.verify().isVerified(), "seed 000/001 do not sign the " + part);
        }
        assertFalse(Presets.TIMESTAMP_SECRET.covers(Component.BODY_HASH));
        assertFalse(Presets.TIMESTAMP_SECRET.covers(Component.PATH));
    }

    private static byte[] flipLastByte(byte[] body) {
        byte[] copy = body.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static String bumpLastDigit(String timestamp) {
        // Change one digit that stays inside the window: the last digit of seconds or of milliseconds.
        int i = timestamp.endsWith("Z") ? timestamp.length() - 2 : timestamp.length() - 1;
        char c = timestamp.charAt(i);
        char bumped = c == '9' ? '8' : (char) (c + 1);
        return timestamp.substring(0, i) + bumped + timestamp.substring(i + 1);
    }

    private static String replaceLastHexDigit(String nonce) {
        char last = nonce.charAt(nonce.length() - 1);
        return nonce.substring(0, nonce.length() - 1) + (last == 'a' ? 'b' : 'a');
    }
}
