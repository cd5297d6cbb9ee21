// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.security;

import jakarta.security.enterprise.credential.Credential;
import java.util.Set;

/**
 * What Signet hands Jakarta Security once a request's signature verified: the key id and its scopes, no
 * secret. Made only in this JVM, after verification; nothing a request sends can become one.
 */
record VerifiedKeyCredential(String keyId, Set<String> scopes) implements Credential {

    VerifiedKeyCredential {
        scopes = Set.copyOf(scopes);
    }
}
