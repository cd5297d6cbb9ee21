// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.Captured;
import dev.signet.provider.keys.KeyFile;
import dev.signet.provider.keys.jdbc.JdbcKeyStore;
import dev.signet.provider.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * `signet keys` on both stores: the JSON key file and the JDBC tables of a real PostgreSQL 15. Every command,
 * every store; what it writes is read back with the provider's own readers (KeyFile, JdbcKeyStore).
 */
class KeysCommandTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path directory;

    enum Store { FILE, JDBC }

    record Result(int status, String out, String err) {
        String printed(String label) {
            Matcher m = Pattern.compile("(?m)^  " + label + "\\s+(\\S+)$").matcher(out);
            assertTrue(m.find(), out);
            return m.group(1);
        }
    }

    private final List<String> secretsShown = new ArrayList<>();

    private Result keys(Store store, String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        List<String> words = new ArrayList<>(List.of("keys"));
        words.add(args[0]);
        if (store == Store.FILE) {
            words.addAll(List.of("--keys", directory.resolve("keys.json").toString()));
        } else {
            words.addAll(List.of("--jdbc-url", db.url(), "--jdbc-user", db.user()));
        }
        words.addAll(List.of(args).subList(1, args.length));
        int status = new Signet(Clock.fixed(NOW, ZoneOffset.UTC), new KeyGenerator(), out.stream(), err.stream(),
                Map.of("SIGNET_JDBC_PASSWORD", db.password())).run(words.toArray(String[]::new));
        Result result = new Result(status, out.text(), err.text());
        Matcher secret = Pattern.compile("(?m)^  secret\\s+(\\S+)$").matcher(result.out());
        while (secret.find()) {
            secretsShown.add(secret.group(1));
        }
        return result;
    }

    private ApiKey read(Store store, String id) {
        return store == Store.FILE ? KeyFile.load(directory.resolve("keys.json")).find(id).orElseThrow()
                : new JdbcKeyStore(db.connections()).find(id).orElseThrow();
    }

    private static String id(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void addMakesAKeyAndShowsItsSecretOnce(Store store) {
        String id = id("add");
        Result r = keys(store, "add", "--id", id, "--scope", "demo:read", "--scope", "demo:write", "--tenant", "t1",
                "--allowed-ip", "10.0.0.0/8", "--rate-limit", "120", "--expires", "2031-01-01T00:00:00Z");
        assertEquals(0, r.status(), r.err());
        assertEquals(id, r.printed("key id"));
        ApiKey key = read(store, id);
        assertEquals(r.printed("secret"), key.signingSecret().reveal());
        assertEquals(Set.of("demo:read", "demo:write"), key.scopes());
        assertEquals("t1", key.tenant());
        assertEquals(120, key.rateLimitPerMinute());
        assertEquals(Instant.parse("2031-01-01T00:00:00Z"), key.expiresAt());
        assertEquals("10.0.0.0/8", key.allowedIps().get(0).toString());
        assertEquals(KeyStatus.ACTIVE, key.status());
        assertEquals(1, Pattern.compile(Pattern.quote(key.signingSecret().reveal())).matcher(r.out()).results().count());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void addRefusesATakenId(Store store) {
        String id = id("taken");
        keys(store, "add", "--id", id);
        Result again = keys(store, "add", "--id", id);
        assertEquals(2, again.status());
        assertTrue(again.err().contains(id) && again.err().contains("already"), again.err());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void listShowsEveryKeyAndNoSecret(Store store) {
        String a = id("list-a");
        String b = id("list-b");
        keys(store, "add", "--id", a, "--scope", "x:read");
        keys(store, "add", "--id", b);
        keys(store, "rotate", "--id", b);
        keys(store, "disable", "--id", a);
        Result list = keys(store, "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(a) && l.contains("disabled") && l.contains("x:read")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(b) && l.contains("active")
                && l.contains("2 (until " + NOW.plus(Duration.ofHours(24)) + ")")), list.out());
        assertEquals(3, secretsShown.size());
        for (String secret : secretsShown) {
            assertFalse(list.out().contains(secret) || list.err().contains(secret), "list printed a secret");
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void rotateAddsASecretAndEndsTheOldOneAfter24Hours(Store store) {
        String id = id("rotate");
        String first = keys(store, "add", "--id", id).printed("secret");
        Result rotated = keys(store, "rotate", "--id", id);
        assertEquals(0, rotated.status(), rotated.err());
        String second = rotated.printed("secret");
        assertFalse(rotated.out().contains(first), "rotate printed the old secret");
        ApiKey key = read(store, id);
        assertEquals(second, key.signingSecret().reveal());
        assertEquals(List.of(first, second), key.secretsValidAt(NOW.plus(Duration.ofHours(24))).stream().map(Secret::reveal).toList());
        assertEquals(List.of(second), key.secretsValidAt(NOW.plus(Duration.ofHours(24)).plusSeconds(1)).stream()
                .map(Secret::reveal).toList());
        assertNull(key.signingSecret().notAfter());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void rotateTakesAGracePeriod(Store store) {
        String id = id("grace");
        keys(store, "add", "--id", id);
        assertEquals(0, keys(store, "rotate", "--id", id, "--grace", "90m").status());
        assertEquals(NOW.plus(Duration.ofMinutes(90)), read(store, id).secrets().get(0).notAfter());
        Result bad = keys(store, "rotate", "--id", id, "--grace", "soon");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--grace"), bad.err());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void revokeIsFinal(Store store) {
        String id = id("revoke");
        keys(store, "add", "--id", id);
        Result revoked = keys(store, "revoke", "--id", id);
        assertEquals(0, revoked.status(), revoked.err());
        assertEquals(KeyStatus.REVOKED, read(store, id).status());
        Result enable = keys(store, "enable", "--id", id);
        assertEquals(2, enable.status());
        assertTrue(enable.err().contains("revoked"), enable.err());
        assertEquals(2, keys(store, "rotate", "--id", id).status());
        assertEquals(KeyStatus.REVOKED, read(store, id).status());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void disableThenEnable(Store store) {
        String id = id("disable");
        keys(store, "add", "--id", id);
        Result disabled = keys(store, "disable", "--id", id);
        assertEquals(0, disabled.status(), disabled.err());
        assertEquals(KeyStatus.DISABLED, read(store, id).status());
        assertEquals(0, keys(store, "enable", "--id", id).status());
        assertEquals(KeyStatus.ACTIVE, read(store, id).status());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aMissingKeyIsNamed(Store store) {
        keys(store, "add", "--id", id("present"));
        Result r = keys(store, "revoke", "--id", "ghost");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("ghost"), r.err());
    }

    @Test
    void anRfc9421KeyPairInTheFileKeepsItsPublicKeyWhenOtherKeysChangeAndIsNotRotatedIntoASecret() {
        Path file = directory.resolve("keys.json");
        Captured out = new Captured();
        Captured err = new Captured();
        int made = new Signet(Clock.fixed(NOW, ZoneOffset.UTC), new KeyGenerator(), out.stream(), err.stream(), Map.of())
                .run("keygen", "--keys", file.toString(), "--id", "partner-ed", "--algorithm", "ed25519");
        assertEquals(0, made, err.text());
        var publicKey = read(Store.FILE, "partner-ed").publicKey();
        keys(Store.FILE, "add", "--id", "other");

        assertEquals(0, keys(Store.FILE, "disable", "--id", "other").status()); // rewrites every key of the file
        assertEquals(0, keys(Store.FILE, "disable", "--id", "partner-ed").status());
        ApiKey pair = read(Store.FILE, "partner-ed");
        assertEquals(publicKey, pair.publicKey());
        assertTrue(pair.secrets().isEmpty());
        assertEquals(KeyStatus.DISABLED, pair.status());

        Result rotated = keys(Store.FILE, "rotate", "--id", "partner-ed");
        assertEquals(2, rotated.status());
        assertTrue(rotated.err().contains("public key"), rotated.err());
        assertTrue(read(Store.FILE, "partner-ed").secrets().isEmpty());
        assertTrue(keys(Store.FILE, "list").out().lines().anyMatch(l -> l.startsWith("partner-ed") && l.contains("ed25519 public key")));
    }

    @Test
    void theFileStaysOwnerOnlyAfterAChange() throws Exception {
        keys(Store.FILE, "add", "--id", "perm");
        keys(Store.FILE, "rotate", "--id", "perm");
        Path file = directory.resolve("keys.json");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void exactlyOneStore() {
        Captured out = new Captured();
        Captured err = new Captured();
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream())
                .run("keys", "list", "--keys", "a.json", "--jdbc-url", "jdbc:postgresql://x/y");
        assertEquals(2, status);
        assertTrue(err.text().contains("one store"), err.text());
    }

    @Test
    void aWrongDatabasePasswordIsAnErrorThatDoesNotShowIt() {
        Captured out = new Captured();
        Captured err = new Captured();
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream(),
                Map.of("SIGNET_JDBC_PASSWORD", "wrong-hunter2")).run("keys", "list", "--jdbc-url", db.url(), "--jdbc-user", db.user());
        assertEquals(2, status);
        assertTrue(err.text().contains("password authentication failed"), err.text());
        assertFalse(err.text().contains("hunter2") || out.text().contains("hunter2"));
    }

    @Test
    void thePasswordComesFromAFileToo() throws Exception {
        Path passwordFile = directory.resolve("pw");
        Files.writeString(passwordFile, db.password() + "\n");
        Captured out = new Captured();
        Captured err = new Captured();
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), out.stream(), err.stream(), Map.of())
                .run("keys", "list", "--jdbc-url", db.url(), "--jdbc-user", db.user(), "--jdbc-password-file", passwordFile.toString());
        assertEquals(0, status, err.text());
    }
}
