// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.provider.testing.KeyTablesDatabase;
import java.net.InetAddress;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC key store does on any database it supports: what is written is what the server reads. Each
 * database runs every test here against a real instance: {@link JdbcKeyStoreTest} on PostgreSQL 15,
 * {@link DerbyJdbcKeyStoreTest} on Apache Derby. The database is shared by a class's tests, so each test uses
 * its own key ids.
 */
abstract class JdbcKeyStoreContract {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final JdbcKeyStore store = new JdbcKeyStore(database().connections());

    /** The subclass's database, with the key tables created. */
    abstract KeyTablesDatabase database();

    @Test
    void everyFieldOfAKeyComesBackAsWritten() throws Exception {
        ApiKey written = ApiKey.builder("full").secret(Secret.validUntil("old-one", NOW.plusSeconds(60))).secret("new-one")
                .status(KeyStatus.DISABLED).expiresAt(Instant.parse("2031-02-03T04:05:06Z")).scopes("a:read", "a:write")
                .allowedIp("10.0.0.0/8").allowedIp("2001:db8::/32").tenant("t-7").rateLimitPerMinute(120).build();
        store.add(written);
        ApiKey read = store.find("full").orElseThrow();
        assertEquals("full", read.id());
        assertEquals(KeyStatus.DISABLED, read.status());
        assertEquals(Instant.parse("2031-02-03T04:05:06Z"), read.expiresAt());
        assertEquals(Set.of("a:read", "a:write"), read.scopes());
        assertEquals("t-7", read.tenant());
        assertEquals(120, read.rateLimitPerMinute());
        assertEquals(2, read.allowedIps().size());
        assertTrue(read.allowsAddress(InetAddress.getByName("10.1.2.3")));
        assertTrue(read.allowsAddress(InetAddress.getByName("2001:db8::1")));
        assertFalse(read.allowsAddress(InetAddress.getByName("192.168.0.1")));
        assertEquals(List.of("old-one", "new-one"), read.secrets().stream().map(Secret::reveal).toList());
        assertEquals(NOW.plusSeconds(60), read.secrets().get(0).notAfter());
        assertNull(read.secrets().get(1).notAfter());
        assertEquals("new-one", read.signingSecret().reveal());
    }

    @Test
    void anRfc9421KeyPairsPublicHalfComesBackAsWritten() throws Exception {
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ApiKey written = ApiKey.builder("pair").publicKey(new dev.signet.core.keys.PublicVerificationKey(
                dev.signet.core.rfc9421.SignatureAlgorithm.named("ed25519"), pair.getPublic())).scopes("a:read").build();
        store.add(written);

        ApiKey read = store.find("pair").orElseThrow();
        assertEquals(written.publicKey(), read.publicKey());
        assertTrue(read.secrets().isEmpty());
        assertEquals(written.scopes(), read.scopes());
    }

    @Test
    void aPublicKeyWithoutItsAlgorithmIsAKeyStoreErrorNamingTheKey() throws Exception {
        store.add(ApiKey.of("half", "s"));
        database().execute("UPDATE signet_keys SET public_key = 'not a pem' WHERE key_id = 'half'");
        try {
            KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.find("half"));
            assertTrue(e.getMessage().contains("half") && e.getMessage().contains("public_key_algorithm"), e.getMessage());
        } finally {
            database().execute("DELETE FROM signet_keys WHERE key_id = 'half'"); // the database is shared by this class's tests
        }
    }

    @Test
    void anUnknownIdIsEmptyAndIdsAreCaseSensitive() {
        store.add(ApiKey.of("CaseKey", "s"));
        assertTrue(store.find("nobody").isEmpty());
        assertTrue(store.find("casekey").isEmpty());
        assertTrue(store.find("CaseKey").isPresent());
    }

    @Test
    void aTakenIdIsRefusedAndTheFirstKeyIsUntouched() {
        store.add(ApiKey.of("taken", "first"));
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.add(ApiKey.of("taken", "second")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertFalse(e.getMessage().contains("second"));
        assertEquals("first", store.find("taken").orElseThrow().signingSecret().reveal());
    }

    @Test
    void rotateEndsTheOldSecretAndSignsWithTheNew() {
        store.add(ApiKey.of("rot", "s1"));
        store.rotate("rot", "s2", NOW.plusSeconds(86_400), NOW);
        ApiKey once = store.find("rot").orElseThrow();
        assertEquals(List.of("s1", "s2"), once.secrets().stream().map(Secret::reveal).toList());
        assertEquals(NOW.plusSeconds(86_400), once.secrets().get(0).notAfter());
        assertEquals("s2", once.signingSecret().reveal());
        assertEquals(List.of("s1", "s2"), once.secretsValidAt(NOW.plusSeconds(86_400)).stream().map(Secret::reveal).toList());
        assertEquals(List.of("s2"), once.secretsValidAt(NOW.plusSeconds(86_401)).stream().map(Secret::reveal).toList());

        // A second rotation two days later drops s1 (already past its end) and ends s2 in an hour.
        Instant later = NOW.plusSeconds(2 * 86_400);
        store.rotate("rot", "s3", later.plusSeconds(3600), later);
        ApiKey twice = store.find("rot").orElseThrow();
        assertEquals(List.of("s2", "s3"), twice.secrets().stream().map(Secret::reveal).toList());
        assertEquals(later.plusSeconds(3600), twice.secrets().get(0).notAfter());
    }

    @Test
    void aRotationNeverExtendsAnEarlierEnd() {
        store.add(ApiKey.builder("short").secret(Secret.validUntil("s1", NOW.plusSeconds(60))).secret("s2").build());
        store.rotate("short", "s3", NOW.plusSeconds(86_400), NOW);
        List<Secret> secrets = store.find("short").orElseThrow().secrets();
        assertEquals(NOW.plusSeconds(60), secrets.get(0).notAfter());
        assertEquals(NOW.plusSeconds(86_400), secrets.get(1).notAfter());
        assertNull(secrets.get(2).notAfter());
    }

    @Test
    void disableIsReversibleAndRevokeIsFinal() {
        store.add(ApiKey.of("life", "s"));
        store.setStatus("life", KeyStatus.DISABLED);
        assertEquals(KeyStatus.DISABLED, store.find("life").orElseThrow().status());
        store.setStatus("life", KeyStatus.ACTIVE);
        assertEquals(KeyStatus.ACTIVE, store.find("life").orElseThrow().status());
        store.setStatus("life", KeyStatus.REVOKED);
        assertEquals(KeyStatus.REVOKED, store.find("life").orElseThrow().status());
        assertThrows(KeyStoreException.class, () -> store.setStatus("life", KeyStatus.ACTIVE));
        assertThrows(KeyStoreException.class, () -> store.rotate("life", "new", NOW, NOW));
        assertEquals(KeyStatus.REVOKED, store.find("life").orElseThrow().status());
    }

    @Test
    void changingAMissingKeyNamesIt() {
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.setStatus("ghost", KeyStatus.REVOKED));
        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
    }

    @Test
    void aKeyRowWithoutASecretIsAnErrorNamingTheKeyNotAnUnknownKey() {
        database().execute("INSERT INTO signet_keys (key_id) VALUES ('bare')");
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.find("bare"));
        assertTrue(e.getMessage().contains("bare") && e.getMessage().contains("signet_key_secrets"), e.getMessage());
    }

    @Test
    void allListsEveryKeyInIdOrder() {
        store.add(ApiKey.builder("list-b").secret("x").scopes("s").build());
        store.add(ApiKey.of("list-a", "y"));
        List<String> ids = store.all().stream().map(ApiKey::id).filter(id -> id.startsWith("list-")).toList();
        assertEquals(List.of("list-a", "list-b"), ids);
    }

    @Test
    void theShippedSchemaIsIdempotentAndHoldsTheReservedPublicKeyColumns() throws Exception {
        store.createSchema(); // a second time: it must neither fail nor touch the keys
        store.add(ApiKey.of("after-schema", "s"));
        store.createSchema();
        assertTrue(store.find("after-schema").isPresent());
        try (Connection c = database().connect()) {
            // PostgreSQL folds unquoted names to lower case, Derby to upper case.
            boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
            String table = upper ? "SIGNET_KEYS" : "signet_keys";
            String columnsLike = upper ? "PUBLIC_KEY%" : "public_key%";
            try (var r = c.getMetaData().getColumns(null, null, table, columnsLike)) {
                int columns = 0;
                while (r.next()) {
                    columns++;
                }
                assertEquals(2, columns);
            }
        }
    }

    @Test
    void anExpiryIsTheSameInstantWhateverTheJvmsTimeZone() {
        Instant expiry = Instant.parse("2031-06-30T23:30:00Z");
        TimeZone before = TimeZone.getDefault();
        try {
            // Written 14 hours ahead of UTC, read 7 hours behind it: a column without a time zone (Derby's) still
            // gives back the same instant, because both directions go through UTC.
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            store.add(ApiKey.builder("zoned").secret(Secret.validUntil("z", expiry)).expiresAt(expiry).build());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            ApiKey read = store.find("zoned").orElseThrow();
            assertEquals(expiry, read.expiresAt());
            assertEquals(expiry, read.secrets().get(0).notAfter());
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void aKeyIdLongerThanItsColumnIsUnknownOnLookupAndRefusedOnAddWithoutEchoingIt() {
        String huge = "k".repeat(10_000);
        assertTrue(store.find(huge).isEmpty(), "a lookup is 'no such key' (401), not a database error (503)");
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.add(ApiKey.of(huge, "s")));
        assertTrue(e.getMessage().contains("10000 characters") && e.getMessage().contains("at most 200"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, "the message shows the start of the id, not all of it");
        KeyStoreException rotate = assertThrows(KeyStoreException.class, () -> store.rotate(huge, "n", NOW, NOW));
        assertTrue(rotate.getMessage().startsWith("no key ") && rotate.getMessage().length() < 200, rotate.getMessage());
        KeyStoreException status = assertThrows(KeyStoreException.class, () -> store.setStatus(huge, KeyStatus.REVOKED));
        assertTrue(status.getMessage().startsWith("no key "), status.getMessage());
        String widest = "w".repeat(JdbcKeyStore.MAX_KEY_ID_LENGTH);
        store.add(ApiKey.of(widest, "s"));
        assertEquals(widest, store.find(widest).orElseThrow().id());
    }

    @Test
    void aSecretLongerThanItsColumnIsRefusedWithoutShowingIt() {
        String secret = "hunter2-" + "x".repeat(JdbcKeyStore.MAX_SECRET_LENGTH);
        KeyStoreException added = assertThrows(KeyStoreException.class, () -> store.add(ApiKey.of("long-secret", secret)));
        KeyStoreException rotated = assertThrows(KeyStoreException.class, () -> {
            store.add(ApiKey.of("long-secret-rot", "short"));
            store.rotate("long-secret-rot", secret, NOW, NOW);
        });
        for (KeyStoreException e : List.of(added, rotated)) {
            assertTrue(e.getMessage().contains("secret of 1032 characters"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.getMessage());
            }
        }
        assertTrue(store.find("long-secret").isEmpty());
        assertEquals("short", store.find("long-secret-rot").orElseThrow().signingSecret().reveal());
    }

    @Test
    void sqlMetacharactersInAKeyIdAreDataNotSql() {
        String hostile = "x'); DROP TABLE signet_keys; --";
        store.add(ApiKey.builder(hostile).secret("s'\\;").scopes("a'b").build());
        ApiKey read = store.find(hostile).orElseThrow();
        assertEquals(hostile, read.id());
        assertEquals("s'\\;", read.signingSecret().reveal());
        assertEquals(Set.of("a'b"), read.scopes());
        // LIKE wildcards are never wildcards: lookups are by equality.
        store.add(ApiKey.of("meta_%", "s"));
        assertTrue(store.find("meta__").isEmpty());
        assertTrue(store.find("meta_%").isPresent());
        assertTrue(store.all().stream().anyMatch(k -> k.id().equals(hostile)), "the table is still there");
    }

    @Test
    void addingAnIdTwiceIsRefusedEvenWithTheSameSecret() {
        store.add(ApiKey.builder("twice").secret("same").scopes("one").build());
        KeyStoreException e = assertThrows(KeyStoreException.class,
                () -> store.add(ApiKey.builder("twice").secret("same").scopes("two").build()));
        assertEquals("key twice already exists", e.getMessage());
        ApiKey kept = store.find("twice").orElseThrow();
        assertEquals(Set.of("one"), kept.scopes());
        assertEquals(1, kept.secrets().size(), "the refused add left no secret behind");
    }
}
