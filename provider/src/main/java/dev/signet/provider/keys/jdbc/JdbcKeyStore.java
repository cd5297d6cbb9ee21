// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.IpRange;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.provider.keys.KeyRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * API keys in a relational database, in the tables of {@code META-INF/signet/schema-postgresql.sql} or
 * {@code META-INF/signet/schema-derby.sql} ({@link KeyTablesDialect}): {@code signet_keys},
 * {@code signet_key_secrets}, {@code signet_key_scopes}, {@code signet_key_networks}. {@link #find} reads one key
 * (four indexed queries on one connection); the other methods are the key lifecycle ({@code signet keys}) and run
 * each in one transaction.
 *
 * <p>Every statement is plain SQL that PostgreSQL and Apache Derby both accept (no {@code LIMIT}, no
 * {@code ON CONFLICT}, no vendor types), and timestamps travel as UTC {@link java.sql.Timestamp}s
 * ({@link UtcTimestamps}); only the DDL differs per database. Values longer than their column are refused here,
 * before the database sees them: Derby's truncation error quotes the value, and a secret must not reach a log.
 *
 * <p>Every lookup is a round trip to the database: the server puts a
 * {@link dev.signet.provider.keys.CachingKeyRepository} in front (see {@code signet.keys.jdbc.cache-seconds}).
 * Any SQL failure becomes a {@link KeyStoreException} naming the key, never a secret, with the SQL error as
 * its cause.
 */
public final class JdbcKeyStore implements KeyRepository {

    /** The PostgreSQL DDL on the class path; {@link KeyTablesDialect#resource()} names each database's. */
    public static final String SCHEMA_RESOURCE = "META-INF/signet/schema-postgresql.sql";

    /** The width of {@code key_id} (and of {@code tenant} and {@code scope}) in both schemas. */
    public static final int MAX_KEY_ID_LENGTH = 200;
    /** The width of {@code signet_key_secrets.secret} in both schemas. */
    public static final int MAX_SECRET_LENGTH = 1024;
    private static final int MAX_CIDR_LENGTH = 64;
    /** How much of an over-long key id a message shows: a request may send one of any length. */
    private static final int SHOWN_KEY_ID_LENGTH = 40;

    private static final String SELECT_KEY = "SELECT key_id, status, expires_at, tenant, rate_limit_per_minute,"
            + " public_key, public_key_algorithm FROM signet_keys";
    private static final String SELECT_SECRETS = "SELECT key_id, secret, not_after FROM signet_key_secrets";
    private static final String SELECT_SCOPES = "SELECT key_id, scope FROM signet_key_scopes";
    private static final String SELECT_NETWORKS = "SELECT key_id, cidr FROM signet_key_networks";

    private final ConnectionSource connections;

    public JdbcKeyStore(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** The PostgreSQL DDL, as shipped in {@link #SCHEMA_RESOURCE}. */
    public static String schemaSql() {
        return KeyTablesDialect.POSTGRESQL.schemaSql();
    }

    /**
     * Creates the tables unless they exist, with the script of the database's dialect (told by
     * {@code DatabaseMetaData.getDatabaseProductName()}): PostgreSQL's, Derby's, or PostgreSQL's for any other.
     */
    public void createSchema() {
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            KeyTablesDialect dialect = KeyTablesDialect.forProduct(c.getMetaData().getDatabaseProductName());
            for (String statement : statements(dialect.schemaSql())) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    if (!dialect.alreadyExists(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new KeyStoreException("cannot create the Signet key tables", e);
        }
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        if (keyId.length() > MAX_KEY_ID_LENGTH) {
            // No row can hold it, and Derby would answer a truncation error (a 503) instead of "no such key" (a 401).
            return Optional.empty();
        }
        try (Connection c = connections.open()) {
            Map<String, Row> rows = read(c, " WHERE key_id = ?", keyId);
            return Optional.ofNullable(rows.get(keyId)).map(Row::toKey);
        } catch (SQLException e) {
            throw new KeyStoreException("cannot look up key " + keyId, e);
        }
    }

    /** Every key, ordered by id. */
    public List<ApiKey> all() {
        try (Connection c = connections.open()) {
            return read(c, "", null).values().stream().map(Row::toKey).toList();
        } catch (SQLException e) {
            throw new KeyStoreException("cannot list keys", e);
        }
    }

    /** Adds a new key with its secrets, scopes and networks; fails when the id is taken. */
    public void add(ApiKey key) {
        requireFits(key);
        inTransaction("add key " + key.id(), c -> {
            if (exists(c, key.id())) {
                throw new KeyStoreException("key " + key.id() + " already exists");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO signet_keys (key_id, status, expires_at,"
                    + " tenant, rate_limit_per_minute, public_key, public_key_algorithm) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.id());
                insert.setString(2, key.status().name().toLowerCase(Locale.ROOT));
                UtcTimestamps.set(insert, 3, key.expiresAt());
                insert.setString(4, key.tenant());
                insert.setInt(5, key.rateLimitPerMinute());
                insert.setString(6, key.publicKey() == null ? null : key.publicKey().toPem());
                insert.setString(7, key.publicKey() == null ? null : key.publicKey().algorithm().rfcName());
                insert.executeUpdate();
            }
            for (Secret secret : key.secrets()) {
                insertSecret(c, key.id(), secret.reveal(), secret.notAfter());
            }
            try (PreparedStatement scope = c.prepareStatement("INSERT INTO signet_key_scopes (key_id, scope) VALUES (?, ?)")) {
                for (String s : key.scopes()) {
                    scope.setString(1, key.id());
                    scope.setString(2, s);
                    scope.executeUpdate();
                }
            }
            try (PreparedStatement network = c.prepareStatement(
                    "INSERT INTO signet_key_networks (key_id, cidr) VALUES (?, ?)")) {
                for (IpRange range : key.allowedIps()) {
                    network.setString(1, key.id());
                    network.setString(2, range.toString());
                    network.executeUpdate();
                }
            }
        });
    }

    /**
     * A rotation: {@code newSecret} becomes the signing secret, every other secret still valid at {@code now}
     * verifies until {@code oldNotAfter} (or its own earlier end), and secrets already past their end are
     * deleted. A revoked key cannot be rotated.
     */
    public void rotate(String keyId, String newSecret, Instant oldNotAfter, Instant now) {
        Objects.requireNonNull(oldNotAfter, "oldNotAfter");
        Secret.of(newSecret); // the same rule as the model: not empty
        requireSecretFits(keyId, newSecret);
        inTransaction("rotate key " + shown(keyId), c -> {
            KeyStatus status = statusForUpdate(c, keyId);
            if (status == KeyStatus.REVOKED) {
                throw new KeyStoreException("key " + keyId + " is revoked; a revoked key cannot be rotated");
            }
            try (PreparedStatement purge = c.prepareStatement(
                    "DELETE FROM signet_key_secrets WHERE key_id = ? AND not_after IS NOT NULL AND not_after < ?")) {
                purge.setString(1, keyId);
                UtcTimestamps.set(purge, 2, now);
                purge.executeUpdate();
            }
            try (PreparedStatement end = c.prepareStatement("UPDATE signet_key_secrets SET not_after = ?"
                    + " WHERE key_id = ? AND (not_after IS NULL OR not_after > ?)")) {
                UtcTimestamps.set(end, 1, oldNotAfter);
                end.setString(2, keyId);
                UtcTimestamps.set(end, 3, oldNotAfter);
                end.executeUpdate();
            }
            insertSecret(c, keyId, newSecret, null);
            touch(c, keyId);
        });
    }

    /**
     * Sets a key's status. {@code REVOKED} is final: a revoked key cannot be made active or disabled again
     * (issue a new key instead).
     */
    public void setStatus(String keyId, KeyStatus status) {
        Objects.requireNonNull(status, "status");
        inTransaction("set the status of key " + shown(keyId), c -> {
            KeyStatus current = statusForUpdate(c, keyId);
            if (current == KeyStatus.REVOKED && status != KeyStatus.REVOKED) {
                throw new KeyStoreException("key " + keyId + " is revoked; a revoked key stays revoked");
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE signet_keys SET status = ?, updated_at = CURRENT_TIMESTAMP WHERE key_id = ?")) {
                update.setString(1, status.name().toLowerCase(Locale.ROOT));
                update.setString(2, keyId);
                update.executeUpdate();
            }
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try (Connection c = connections.open()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new KeyStoreException("cannot " + what, e);
        }
    }

    private static boolean exists(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM signet_keys WHERE key_id = ?")) {
            s.setString(1, keyId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static KeyStatus statusForUpdate(Connection c, String keyId) throws SQLException {
        if (keyId.length() > MAX_KEY_ID_LENGTH) {
            throw new KeyStoreException("no key " + shown(keyId));
        }
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM signet_keys WHERE key_id = ? FOR UPDATE")) {
            s.setString(1, keyId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new KeyStoreException("no key " + keyId);
                }
                return status(keyId, r.getString(1));
            }
        }
    }

    private static void touch(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE signet_keys SET updated_at = CURRENT_TIMESTAMP WHERE key_id = ?")) {
            s.setString(1, keyId);
            s.executeUpdate();
        }
    }

    private static void insertSecret(Connection c, String keyId, String secret, Instant notAfter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO signet_key_secrets (key_id, secret, not_after) VALUES (?, ?, ?)")) {
            s.setString(1, keyId);
            s.setString(2, secret);
            UtcTimestamps.set(s, 3, notAfter);
            s.executeUpdate();
        }
    }

    /** Every value of a new key fits its column; the message names the key (shortened) and the column, never a value. */
    private static void requireFits(ApiKey key) {
        if (key.id().length() > MAX_KEY_ID_LENGTH) {
            throw new KeyStoreException("key id " + shown(key.id()) + " is " + key.id().length()
                    + " characters long; the key tables hold at most " + MAX_KEY_ID_LENGTH);
        }
        for (Secret secret : key.secrets()) {
            requireSecretFits(key.id(), secret.reveal());
        }
        requireColumnFits(key.id(), "tenant", key.tenant(), MAX_KEY_ID_LENGTH);
        for (String scope : key.scopes()) {
            requireColumnFits(key.id(), "scope", scope, MAX_KEY_ID_LENGTH);
        }
        for (IpRange range : key.allowedIps()) {
            requireColumnFits(key.id(), "cidr", range.toString(), MAX_CIDR_LENGTH);
        }
    }

    private static void requireSecretFits(String keyId, String secret) {
        requireColumnFits(keyId, "secret", secret, MAX_SECRET_LENGTH);
    }

    private static void requireColumnFits(String keyId, String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new KeyStoreException("key " + shown(keyId) + ": a " + column + " of " + value.length()
                    + " characters does not fit the key tables (at most " + max + ")");
        }
    }

    /** A key id for a message: whole when a row could hold it, else its start and its length. */
    private static String shown(String keyId) {
        return keyId.length() <= MAX_KEY_ID_LENGTH ? keyId
                : keyId.substring(0, SHOWN_KEY_ID_LENGTH) + "... (" + keyId.length() + " characters)";
    }

    /** One key's rows, gathered from the four tables before it becomes an {@link ApiKey}. */
    private static final class Row {
        final ApiKey.Builder key;
        final String id;
        boolean hasSecret;
        boolean hasPublicKey;

        Row(String id, ApiKey.Builder key) {
            this.id = id;
            this.key = key;
        }

        /** An RFC 9421 key pair's public half: both columns or neither. */
        void publicKey(String pem, String algorithm) {
            if (pem == null && algorithm == null) {
                return;
            }
            if (pem == null || algorithm == null) {
                throw new KeyStoreException("key " + id + " has " + (pem == null ? "public_key_algorithm without public_key"
                        : "public_key without public_key_algorithm"));
            }
            try {
                key.publicKey(algorithm, pem);
            } catch (IllegalArgumentException e) {
                throw new KeyStoreException("key " + id + " has a malformed public key in the database: " + e.getMessage());
            }
            hasPublicKey = true;
        }

        ApiKey toKey() {
            if (!hasSecret && !hasPublicKey) {
                throw new KeyStoreException("key " + id + " has neither a row in signet_key_secrets nor a public_key");
            }
            try {
                return key.build();
            } catch (IllegalArgumentException e) {
                throw new KeyStoreException("key " + id + " is malformed in the database: " + e.getMessage());
            }
        }
    }

    private static Map<String, Row> read(Connection c, String where, String keyId) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (ResultSet r = query(c, SELECT_KEY + where + " ORDER BY key_id", keyId)) {
            while (r.next()) {
                String id = r.getString("key_id");
                ApiKey.Builder b = ApiKey.builder(id)
                        .status(status(id, r.getString("status")))
                        .expiresAt(UtcTimestamps.get(r, "expires_at"))
                        .tenant(r.getString("tenant"))
                        .rateLimitPerMinute(r.getInt("rate_limit_per_minute"));
                Row row = new Row(id, b);
                row.publicKey(r.getString("public_key"), r.getString("public_key_algorithm"));
                rows.put(id, row);
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        try (ResultSet r = query(c, SELECT_SECRETS + where + " ORDER BY key_id, secret_no", keyId)) {
            while (r.next()) {
                Row row = rows.get(r.getString("key_id"));
                if (row != null) {
                    Instant notAfter = UtcTimestamps.get(r, "not_after");
                    String value = r.getString("secret");
                    row.key.secret(notAfter == null ? Secret.of(value) : Secret.validUntil(value, notAfter));
                    row.hasSecret = true;
                }
            }
        }
        try (ResultSet r = query(c, SELECT_SCOPES + where + " ORDER BY key_id, scope", keyId)) {
            while (r.next()) {
                Row row = rows.get(r.getString("key_id"));
                if (row != null) {
                    row.key.scope(r.getString("scope"));
                }
            }
        }
        try (ResultSet r = query(c, SELECT_NETWORKS + where + " ORDER BY key_id, cidr", keyId)) {
            while (r.next()) {
                Row row = rows.get(r.getString("key_id"));
                if (row != null) {
                    try {
                        row.key.allowedIp(r.getString("cidr"));
                    } catch (IllegalArgumentException e) {
                        throw new KeyStoreException("key " + row.id + " has a malformed network in the database: "
                                + e.getMessage());
                    }
                }
            }
        }
        return rows;
    }

    /** A query whose statement closes with its result set. */
    private static ResultSet query(Connection c, String sql, String keyId) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            if (keyId != null) {
                s.setString(1, keyId);
            }
            s.closeOnCompletion();
            return s.executeQuery();
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static KeyStatus status(String keyId, String text) {
        try {
            return KeyStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KeyStoreException("key " + keyId + " has an unknown status in the database");
        }
    }

    /** The statements of a SQL script: split at ';' ending a line, with '--' comment lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            if (code.isBlank()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
