// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bugs in {@link SchemeDefinition} found by fuzzing, each named for its bug. */
class SchemeDefinitionRegressionTest {

    /**
     * Found by SchemeDefinitionFuzzTest (seed crash-bccaeb94…): settings that give two roles one header name
     * (here timestamp and signature, " X-Padded " both) are accepted, and the scheme can never verify a request
     * signed under it: the signer writes one header over the other and the verifier refuses "Malformed X-Padded".
     * The same holds for names equal only ignoring case ("X-Sig" and "x-sig"), as HTTP header names are.
     */
    @Test
    void headerNameSharedByTwoRolesIsAcceptedAtDefinition() {
        assertThrows(IllegalArgumentException.class, () -> SchemeDefinition.fromSettings("x", Map.of(
                "header.key-id", "X-Ts", "header.timestamp", " X-Padded ", "header.signature", " X-Padded ",
                "template", "{timestamp}\\n{method}\\n{path}\\n{bodyHash}")));
        assertThrows(IllegalArgumentException.class, () -> SchemeDefinition.fromSettings("x", Map.of(
                "header.key-id", "X-Key", "header.timestamp", "X-Ts", "header.signature", "X-Sig", "header.nonce", "x-sig",
                "template", "{timestamp}{nonce}")));
    }
}
