// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input never throws: it is a named failure of step 1, whatever the preset. */
class MalformedInputTest {

    static Stream<Arguments> badTimestamps() {
        return Stream.of("abc", "12x4", "-1708600000", "+1708600000", "1708600000.5", "99999999999999999999",
                "999999999999999999", " ", "２０２６").flatMap(t -> Stream.of(
                Arguments.of(Presets.CANONICAL.name(), t), Arguments.of(Presets.TIMESTAMP_SECRET.name(), t)));
    }

    @ParameterizedTest(name = "{0}: timestamp \"{1}\"")
    @MethodSource("badTimestamps")
    void nonNumericOrOverflowingEpochTimestampIsMalformed(String preset, String timestamp) {
        SignedExchange x = SignedExchange.of(Presets.byName(preset).orElseThrow());
        x.header(x.scheme.headers().timestamp(), timestamp);
        Failure expected = timestamp.isBlank() ? Failure.MISSING_CREDENTIALS : Failure.MALFORMED_CREDENTIALS;
        assertEquals(expected, refusal(x).failure());
    }

    @ParameterizedTest(name = "iso timestamp \"{0}\"")
    @MethodSource("badIsoTimestamps")
    void malformedIsoTimestampIsMalformed(String timestamp) {
        SignedExchange x = SignedExchange.of(Presets.JSON_PAYLOAD);
        x.header("x-timestamp", timestamp);
        assertEquals(Failure.MALFORMED_CREDENTIALS, refusal(x).failure());
    }

    static Stream<String> badIsoTimestamps() {
        return Stream.of("2026-11-23", "2026-11-23T10:00:00", "1763892000", "2026-13-01T00:00:00Z", "yesterday");
    }

    static Stream<Arguments> badSignatures() {
        return Stream.of(
                Arguments.of("canonical", "abc"),                                                   // too short
                Arguments.of("canonical", "z".repeat(64)),                                          // not hex
                Arguments.of("canonical", "0".repeat(66)),                                          // too long
                Arguments.of("timestamp-secret", "0".repeat(63) + "g"),
                Arguments.of("canonical-nonce", "!!!!" + "A".repeat(40)),                           // not base64
                Arguments.of("canonical-nonce", "AAAA"),                                            // 3 bytes
                Arguments.of("json-payload", "A".repeat(43)),                                       // missing padding
                Arguments.of("json-payload", "A".repeat(88)));                                      // 64 bytes
    }

    @ParameterizedTest(name = "{0}: signature \"{1}\"")
    @MethodSource("badSignatures")
    void wrongLengthOrWrongAlphabetSignatureIsMalformed(String preset, String signature) {
        SignedExchange x = SignedExchange.of(Presets.byName(preset).orElseThrow());
        x.header(x.scheme.headers().signature(), signature);
        assertEquals(Failure.MALFORMED_CREDENTIALS, refusal(x).failure());
    }

    @Test
    void noHeadersAtAllMeansCredentialsNotProvided() {
        for (Scheme scheme : Presets.all()) {
            VerificationPipeline pipeline = VerificationPipeline.offline(scheme, Clock.systemUTC(), id -> Optional.empty());
            Verification result = pipeline.verify(new ReceivedRequest("GET", "/", HeaderSource.of(Map.of())),
                    BodyHash.EMPTY, Set.of(), Trace.NONE);
            assertEquals(Failure.MISSING_CREDENTIALS, assertInstanceOf(Refusal.class, result).failure());
        }
    }

    @Test
    void emptyHeaderValuesCountAsMissing() {
        for (Scheme scheme : Presets.all()) {
            SignedExchange x = SignedExchange.of(scheme);
            x.header(scheme.headers().signature(), "");
            assertEquals(Failure.MISSING_CREDENTIALS, refusal(x).failure(), scheme.name());
        }
    }

    @Test
    void aHeaderSentTwiceIsMalformed() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL);
        Map<String, String> headers = x.headers;
        VerificationPipeline pipeline = VerificationPipeline.offline(Presets.CANONICAL, Clock.systemUTC(), id -> Optional.empty());
        HeaderSource twice = name -> name.equalsIgnoreCase("X-Signature")
                ? List.of(headers.get("X-Signature"), headers.get("X-Signature"))
                : HeaderSource.of(headers).values(name);
        ParsedCredentials parsed = pipeline.readCredentials(new ReceivedRequest("POST", x.path, twice));
        assertEquals(Failure.MALFORMED_CREDENTIALS, assertInstanceOf(Refusal.class, parsed).failure());
    }

    @Test
    void oversizedHeaderIsMalformedWithoutBeingParsed() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL_NONCE);
        x.header("X-Nonce", "n".repeat(100_000));
        assertEquals(Failure.MALFORMED_CREDENTIALS, refusal(x).failure());
    }

    @Test
    void nonUuidRequestIdIsMalformedUnderJsonPayload() {
        SignedExchange x = SignedExchange.of(Presets.JSON_PAYLOAD);
        x.header("x-request-id", "not-a-uuid");
        assertEquals(Failure.MALFORMED_CREDENTIALS, refusal(x).failure());
    }

    @Test
    void keyIdWithControlCharactersIsMalformed() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL);
        x.header("X-API-Key", "key\u0001one");
        Refusal refusal = refusal(x);
        assertEquals(Failure.MALFORMED_CREDENTIALS, refusal.failure());
        assertFalse(refusal.detail().contains("\u0001"), "the detail does not echo the input");
    }

    @Test
    void headerNamesMatchInAnyCase() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL_NONCE);
        Map<String, String> lower = new java.util.HashMap<>();
        x.headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        x.headers.clear();
        x.headers.putAll(lower);
        assertEquals(true, x.verify().isVerified());
    }

    @Test
    void unknownKeyIsNamed() {
        SignedExchange x = SignedExchange.of(Presets.CANONICAL);
        VerificationPipeline pipeline = VerificationPipeline.offline(Presets.CANONICAL, Clock.systemUTC(), id -> Optional.empty());
        Verification result = pipeline.verify(x.received(), BodyHash.of(x.body), Set.of(), Trace.NONE);
        assertEquals(Failure.UNKNOWN_KEY, assertInstanceOf(Refusal.class, result).failure());
    }

    private static Refusal refusal(SignedExchange x) {
        return assertInstanceOf(Refusal.class, x.verify());
    }
}
