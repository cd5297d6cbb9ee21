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

    /** The webhook senders' secrets, by preset name: Standard Webhooks' is base64 key bytes, the others text. */
    public static final java.util.Map<String, String> WEBHOOK_SECRETS = java.util.Map.of(
            "standard-webhooks", "whsec_" + java.util.Base64.getEncoder().encodeToString(
                    "demo standard webhooks secret 32".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            "stripe", "whsec_demo-stripe-endpoint-secret",
            "github", "demo github webhook secret",
            "slack", "8f742231b10e8888abcd99demo85a5",
            "shopify", "demo-shopify-client-secret");

    private DemoKeyFiles() {
    }

    /** The three keys of {@link #write}, and one key per webhook sender whose id is the preset's name. */
    public static Path writeWithWebhooks(Path directory) {
        Path file = write(directory);
        StringBuilder webhooks = new StringBuilder();
        WEBHOOK_SECRETS.forEach((id, secret) -> webhooks.append(",\n  {\"id\":\"").append(id).append("\",\"secret\":\"")
                .append(secret).append("\"}"));
        try {
            String json = Files.readString(file);
            return Files.writeString(file, json.substring(0, json.lastIndexOf(']')).stripTrailing() + webhooks + "\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
