// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key files in the provider's JSON format, written for a test. */
public final class DemoKeyFiles {

    public static final String WRITER_ID = "file-writer";
    public static final String WRITER_SECRET = "file-writer-secret-0123456789";
    /** Sorts before the writer, so a test can tell "the first key" from "the key with every scope". */
    public static final String READER_ID = "a-file-reader";
    public static final String READER_SECRET = "file-reader-secret-0123456789";
    public static final String UNSCOPED_ID = "b-unscoped";
    public static final String UNSCOPED_SECRET = "unscoped-secret-0123456789";

    private DemoKeyFiles() {
    }

    /** Three keys: every demo scope, demo:read only, and no scope at all. */
    public static Path write(Path directory) {
        Path file = directory.resolve("demo-keys.json");
        String json = """
                {"keys":[
                  {"id":"%s","secret":"%s","status":"active","scopes":["demo:read"]},
                  {"id":"%s","secret":"%s","status":"active","scopes":["demo:read","demo:write"],
                   "allowedIps":["127.0.0.1/32"],"tenant":"t1","rateLimitPerMinute":1000},
                  {"id":"%s","secret":"%s"}
                ]}
                """.formatted(READER_ID, READER_SECRET, WRITER_ID, WRITER_SECRET, UNSCOPED_ID, UNSCOPED_SECRET);
        try {
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
