// SPDX-License-Identifier: Apache-2.0
package dev.signet.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.address.ForwardedAddressesFuzzTest;
import dev.signet.core.internal.sf.StructuredFieldsFuzzTest;
import dev.signet.core.keys.IpRangeFuzzTest;
import dev.signet.core.scheme.NonceFormatFuzzTest;
import dev.signet.core.scheme.SchemeDefinitionFuzzTest;
import dev.signet.core.scheme.SignatureEncodingFuzzTest;
import dev.signet.core.scheme.SignedStringTemplateFuzzTest;
import dev.signet.core.scheme.TimestampFormatFuzzTest;
import dev.signet.core.internal.verification.Rfc9421PipelineFuzzTest;
import dev.signet.core.internal.verification.SignedRequestFuzzTest;
import dev.signet.core.internal.verification.VerificationPipelineFuzzTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;

/**
 * Every fuzz target of core behind one: the last byte of the input picks the target, the rest is that
 * target's input. Jazzer fuzzes one {@code @FuzzTest} per JVM and each JVM takes seconds to instrument, so
 * the short fuzzing run of {@code verify} fuzzes this one (FUZZING.md); the long run fuzzes each target in a
 * JVM of its own. The invariants are the targets' own.
 */
class AllTargetsFuzzTest {

    @FunctionalInterface
    interface Target {
        void run(FuzzedDataProvider data) throws Exception;
    }

    static final List<String> NAMES = List.of("VerificationPipeline", "SignedRequest", "IpRange", "ForwardedAddresses",
            "SignatureEncoding", "TimestampFormat", "NonceFormat", "SchemeDefinition", "SignedStringTemplate",
            "StructuredFields", "Rfc9421Pipeline");

    static final List<Target> TARGETS = List.of(
            new VerificationPipelineFuzzTest()::forgedRequestIsRefusedAndLeavesNoTrace,
            new SignedRequestFuzzTest()::alteredSignedRequestVerifiesOnlyIfNothingSignedChanged,
            new IpRangeFuzzTest()::literalsAndBlocksParseStrictlyAndNeverThrowOtherwise,
            new ForwardedAddressesFuzzTest()::forwardedAddressIsNeverSpoofedPastAnUntrustedHop,
            new SignatureEncodingFuzzTest()::decodeAcceptsOnlyTheOneSpellingOfAMac,
            new TimestampFormatFuzzTest()::parseReadsOnlyTimestampsAndNeverThrows,
            new NonceFormatFuzzTest()::acceptsExactlyTheWellFormedNonces,
            new SchemeDefinitionFuzzTest()::definitionIsRefusedWithAMessageOrWorks,
            new SignedStringTemplateFuzzTest()::templateParsesOrIsRefusedWithAMessage,
            // Appended, so a seed keeps its target whenever its last byte means the same modulo 9 and 11.
            new StructuredFieldsFuzzTest()::parsedValuesRoundTripAndOnlyTheParseExceptionIsThrown,
            new Rfc9421PipelineFuzzTest()::hostileSignatureFieldsAreRefusedAndLeaveNoTrace);

    static final AtomicLongArray EXECUTIONS = new AtomicLongArray(TARGETS.size());

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"::", "::ffff:", "/128", "/32", "for=", "T", "Z", "+01:00", "1795428000", "{", "}", "\\n",
            "{method}", "{path}", "{timestamp}", "{nonce}", "{bodyHash}", "{keyId}", "{secret}",
            "sig1=", "(\"@method\" \"@target-uri\")", ";created=", ";keyid=\"", ";alg=\"", "=:", "sha-256=:", "?1", "%\"", "@"})
    void everyTarget(FuzzedDataProvider data) throws Exception {
        int target = data.consumeInt(0, TARGETS.size() - 1);
        EXECUTIONS.incrementAndGet(target);
        TARGETS.get(target).run(data);
    }

    @AfterAll
    static void report() {
        StringBuilder out = new StringBuilder("Executions per fuzz target:");
        for (int i = 0; i < NAMES.size(); i++) {
            out.append(' ').append(NAMES.get(i)).append('=').append(EXECUTIONS.get(i));
        }
        System.out.println(out);
    }
}
