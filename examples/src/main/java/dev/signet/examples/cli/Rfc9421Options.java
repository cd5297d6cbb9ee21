// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.keys.ApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key {@code signet sign --preset rfc9421} signs with: {@code --private-key FILE --algorithm ALG --key-id ID}
 * for the asymmetric algorithms, or the HMAC secret options every preset takes ({@code --keys}, {@code --secret}).
 */
final class Rfc9421Options {

    record Signing(String keyId, SigningKey key) {
        @Override
        public String toString() {
            return "Signing[" + keyId + ", " + key.algorithm().rfcName() + "]";
        }
    }

    private Rfc9421Options() {
    }

    static Signing resolve(Arguments arguments) throws UsageException {
        Optional<String> privateKey = arguments.value("private-key");
        if (privateKey.isEmpty()) {
            if (arguments.value("algorithm").isPresent() && !arguments.value("algorithm").get().equals("hmac-sha256")) {
                throw new UsageException("--algorithm " + arguments.value("algorithm").get() + " signs with --private-key FILE");
            }
            ApiKey key = SigningKeyOptions.resolve(arguments);
            if (key.secrets().isEmpty()) {
                throw new UsageException("key " + key.id() + " holds a public key only: sign with --private-key FILE --algorithm "
                        + key.publicKey().algorithm().rfcName());
            }
            return new Signing(key.id(), SigningKey.hmac(key.signingSecret().reveal()));
        }
        String keyId = arguments.required("key-id");
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.named(arguments.required("algorithm"));
            String pem = Files.readString(Path.of(privateKey.get()));
            return new Signing(keyId, SigningKey.of(algorithm, PemKeys.privateKey(pem)));
        } catch (IOException e) {
            throw new UsageException("cannot read --private-key " + privateKey.get() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
