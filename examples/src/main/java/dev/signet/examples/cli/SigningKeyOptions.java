// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.keys.ApiKey;
import dev.signet.provider.keys.InMemoryKeyRepository;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key a command signs with: {@code --keys FILE} with an optional {@code --key-id} (needed when the file
 * holds more than one key), or {@code --key-id} with {@code --secret}. A key file keeps the secret out of
 * the shell's history, so the usage texts put it first.
 */
public final class SigningKeyOptions {

    private SigningKeyOptions() {
    }

    public static ApiKey resolve(Arguments arguments) throws UsageException {
        Optional<String> keys = arguments.value("keys");
        Optional<String> keyId = arguments.value("key-id");
        Optional<String> secret = arguments.value("secret");
        if (keys.isPresent() && secret.isPresent()) {
            throw new UsageException("give --keys or --secret, not both");
        }
        if (keys.isPresent()) {
            return fromFile(Path.of(keys.get()), keyId);
        }
        if (keyId.isEmpty() || secret.isEmpty()) {
            throw new UsageException("give --keys FILE, or --key-id and --secret");
        }
        try {
            return ApiKey.of(keyId.get(), secret.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ApiKey fromFile(Path file, Optional<String> keyId) throws UsageException {
        InMemoryKeyRepository repository = KeyFiles.load(file);
        if (keyId.isPresent()) {
            return repository.find(keyId.get())
                    .orElseThrow(() -> new UsageException("no key " + keyId.get() + " in " + file));
        }
        if (repository.all().size() != 1) {
            throw new UsageException(file + " holds " + repository.all().size() + " keys: pick one with --key-id");
        }
        return repository.all().iterator().next();
    }
}
