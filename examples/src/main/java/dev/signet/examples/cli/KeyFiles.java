// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a key file with the provider's own parser, so the tool and the server never disagree about one. */
final class KeyFiles {

    private KeyFiles() {
    }

    static InMemoryKeyRepository load(Path file) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no key file at " + file);
        }
        try {
            return KeyFile.load(file);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
