// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The body of a request: {@code --body TEXT} (sent as its UTF-8 bytes) or {@code --body-file FILE} (sent
 * byte for byte), never both. The signature covers exact bytes, so the file form is the one to use for
 * anything that is not plain text.
 */
@SuppressWarnings("ArrayRecordComponent") // never compared: read once, sent once
record BodyOptions(byte[] bytes, Optional<Path> file) {

    static Optional<BodyOptions> read(Arguments arguments) throws UsageException {
        Optional<String> text = arguments.value("body");
        Optional<String> file = arguments.value("body-file");
        if (text.isPresent() && file.isPresent()) {
            throw new UsageException("give --body or --body-file, not both");
        }
        if (text.isPresent()) {
            return Optional.of(new BodyOptions(text.get().getBytes(StandardCharsets.UTF_8), Optional.empty()));
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try {
                return Optional.of(new BodyOptions(Files.readAllBytes(path), Optional.of(path)));
            } catch (IOException e) {
                throw new UsageException("cannot read --body-file " + path + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
