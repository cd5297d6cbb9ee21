// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.provider.keys.KeyFile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Appends a key to a JSON key file, creating the file when it is missing. The file holds secrets, so it is
 * written owner-only (where the file system has POSIX permissions) and replaced in one atomic move: a
 * crash mid-write never leaves a half file that the server would refuse to start with.
 */
final class KeyFileWriter {

    private KeyFileWriter() {
    }

    static void append(Path file, JsonObject key) throws UsageException {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        String id = key.getString("id");
        if (Files.exists(file)) {
            for (JsonValue existing : existingKeys(file)) {
                if (existing instanceof JsonObject o && id.equals(o.getString("id", null))) {
                    throw new UsageException(file + " already holds a key " + id);
                }
                keys.add(existing);
            }
        }
        keys.add(key);
        String json = pretty(Json.createObjectBuilder().add("keys", keys).build());
        try {
            // The provider's parser must accept what is written, or the server would not start with it.
            KeyFile.parse(new StringReader(json));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        write(file, json);
    }

    /** Replaces every key of the file with {@code keys}, checked by the provider's parser first. */
    static void replace(Path file, jakarta.json.JsonArray keys) throws UsageException {
        String json = pretty(Json.createObjectBuilder().add("keys", keys).build());
        try {
            KeyFile.parse(new StringReader(json));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        write(file, json);
    }

    /** The keys of an existing file, in the file's order, read by the provider's parser. */
    static java.util.List<dev.signet.core.keys.ApiKey> keysInOrder(Path file) throws UsageException {
        dev.signet.provider.keys.InMemoryKeyRepository parsed = KeyFiles.load(file);
        java.util.List<dev.signet.core.keys.ApiKey> ordered = new java.util.ArrayList<>();
        for (JsonValue value : existingKeys(file)) {
            if (value instanceof JsonObject o && o.getString("id", null) != null) {
                parsed.find(o.getString("id")).ifPresent(ordered::add);
            }
        }
        return ordered;
    }

    private static Iterable<JsonValue> existingKeys(Path file) throws UsageException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            JsonObject root = reader.readObject();
            if (!(root.get("keys") instanceof jakarta.json.JsonArray array)) {
                throw new UsageException(file + " is not a key file: it has no \"keys\" array");
            }
            return array;
        } catch (IOException | JsonException e) {
            throw new UsageException("cannot read " + file + " as a key file: " + e.getMessage());
        }
    }

    private static String pretty(JsonObject root) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(root);
        }
        return text.toString().strip() + "\n";
    }

    private static void write(Path file, String json) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            // createTempFile makes the file owner-only on POSIX file systems, before a byte is written.
            Path temporary = Files.createTempFile(directory, ".signet-keys-", ".tmp");
            try {
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
