// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.provider.settings.InvalidSettingException;
import dev.signet.provider.settings.SignetSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The server's own RFC 9421 key for signing responses: id, algorithm and key, read once at start. Never printed. */
public record ResponseSigner(String keyId, SigningKey key) {

    /** The signer the settings describe, or empty when they name no response key; a half-set key fails the start. */
    public static Optional<ResponseSigner> from(SignetSettings.ResponseSigning settings) {
        if (settings.keyId().isEmpty() && settings.algorithm().isEmpty() && settings.keyFile().isEmpty()) {
            return Optional.empty();
        }
        String keyId = settings.keyId().orElseThrow(() -> missing("signet.rfc9421.response-key-id"));
        SignatureAlgorithm algorithm = SignatureAlgorithm.named(settings.algorithm()
                .orElseThrow(() -> missing("signet.rfc9421.response-algorithm")));
        String file = settings.keyFile().orElseThrow(() -> missing("signet.rfc9421.response-key-file"));
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSettingException("signet.rfc9421.response-key-file", file, "cannot be read");
        }
        try {
            SigningKey key = algorithm.symmetric() ? SigningKey.hmac(text.strip())
                    : SigningKey.of(algorithm, PemKeys.privateKey(text));
            return Optional.of(new ResponseSigner(keyId, key));
        } catch (IllegalArgumentException e) {
            // The message names the problem, never the key's text.
            throw new InvalidSettingException("signet.rfc9421.response-key-file", file, e.getMessage());
        }
    }

    private static InvalidSettingException missing(String name) {
        return new InvalidSettingException(name, "", "required with the other signet.rfc9421.response-* settings");
    }

    @Override
    public String toString() {
        return "ResponseSigner[" + keyId + ", " + key.algorithm().rfcName() + "]";
    }
}
