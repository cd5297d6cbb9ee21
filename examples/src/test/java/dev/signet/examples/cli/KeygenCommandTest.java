// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.examples.testing.DemoKeyFiles;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `signet keygen` writes a key file the provider reads, and shows the secret once. */
class KeygenCommandTest {

    @TempDir
    Path directory;

    record Result(int status, String out, String err) {
        String printed(String label) {
            Matcher m = Pattern.compile("(?m)^  " + label + "\\s+(\\S+)$").matcher(out);
            assertTrue(m.find(), out);
            return m.group(1);
        }
    }

    private static Result keygen(String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        List<String> words = new ArrayList<>(List.of("keygen"));
        words.addAll(List.of(args));
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream()).run(words.toArray(String[]::new));
        return new Result(status, out.text(), err.text());
    }

    @Test
    void aMissingKeyFileIsCreatedWithTheNewKeyWhichTheProviderReads() {
        Path file = directory.resolve("sub/keys.json");
        Result result = keygen("--keys", file.toString(), "--scope", "demo:read", "--scope", "demo:write",
                "--tenant", "t1", "--allowed-ip", "127.0.0.1/32", "--rate-limit", "120");
        assertEquals(0, result.status(), result.err());
        ApiKey key = KeyFile.load(file).find(result.printed("key id")).orElseThrow();
        assertEquals(result.printed("secret"), key.signingSecret().reveal());
        assertEquals(Set.of("demo:read", "demo:write"), key.scopes());
        assertEquals("t1", key.tenant());
        assertEquals(120, key.rateLimitPerMinute());
        assertEquals(1, key.allowedIps().size());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = directory.resolve("keys.json");
        keygen("--keys", file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anExistingFileKeepsItsKeysAndGainsTheNewOne() {
        Path file = DemoKeyFiles.write(directory);
        Result result = keygen("--keys", file.toString(), "--id", "ci-runner");
        assertEquals(0, result.status(), result.err());
        InMemoryKeyRepository keys = KeyFile.load(file);
        assertEquals(4, keys.all().size());
        assertEquals(DemoKeyFiles.WRITER_SECRET, keys.find(DemoKeyFiles.WRITER_ID).orElseThrow().signingSecret().reveal());
        assertEquals(List.of("demo:read", "demo:write"), List.copyOf(new java.util.TreeSet<>(
                keys.find(DemoKeyFiles.WRITER_ID).orElseThrow().scopes())));
        assertTrue(keys.find("ci-runner").isPresent());
    }

    @Test
    void theSecretIsShownOnceAndIsNewEveryTime() {
        Path file = directory.resolve("keys.json");
        Result first = keygen("--keys", file.toString());
        Result second = keygen("--keys", file.toString());
        String secret = first.printed("secret");
        assertEquals(first.out().indexOf(secret), first.out().lastIndexOf(secret));
        assertFalse(secret.equals(second.printed("secret")));
        assertEquals(43, secret.length(), "32 random bytes in base64url");
    }

    @Test
    void anIdAlreadyInTheFileIsRefusedAndTheFileIsLeftAlone() throws Exception {
        Path file = DemoKeyFiles.write(directory);
        String before = Files.readString(file);
        Result result = keygen("--keys", file.toString(), "--id", DemoKeyFiles.WRITER_ID);
        assertEquals(2, result.status());
        assertTrue(result.err().contains("already holds a key " + DemoKeyFiles.WRITER_ID), result.err());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void aBadAllowlistEntryIsRefusedBeforeAnythingIsWritten() {
        Path file = directory.resolve("keys.json");
        Result result = keygen("--keys", file.toString(), "--allowed-ip", "localhost");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("not an IP address or CIDR block"), result.err());
        assertFalse(Files.exists(file));
    }
}
