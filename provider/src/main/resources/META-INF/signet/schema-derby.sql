-- Signet's JDBC key store (dev.signet.provider.keys.jdbc.JdbcKeyStore), Apache Derby 10.15 or later: the database
-- GlassFish bundles (asadmin start-database; the pool DerbyPool behind jdbc/__default). Tested on 10.16.
-- The same tables as schema-postgresql.sql, in the SQL Derby accepts: no IF NOT EXISTS (run it once; JdbcKeyStore's
-- createSchema() skips tables that already exist), TIMESTAMP without time zone (JdbcKeyStore writes and reads
-- every timestamp in UTC), CLOB for TEXT. Run it with Derby's ij, connected as the schema's owner:
--   ij> connect 'jdbc:derby://127.0.0.1:1527/sun-appserv-samples;create=true;user=APP;password=APP';
--   ij> run 'schema-derby.sql';
-- The server only reads these tables; only whoever runs `signet keys` needs INSERT/UPDATE/DELETE.

-- One row per API key.
CREATE TABLE signet_keys (
    key_id                VARCHAR(200) NOT NULL PRIMARY KEY,        -- the public id the caller sends
    status                VARCHAR(16)  NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'disabled', 'revoked')),
    expires_at            TIMESTAMP,                                -- UTC; NULL: never
    tenant                VARCHAR(200),                             -- NULL: no tenant binding
    rate_limit_per_minute INTEGER      NOT NULL DEFAULT 0
                          CHECK (rate_limit_per_minute >= 0),       -- 0: signet.rate-limit.default-per-minute
    public_key            CLOB,                                     -- RFC 9421 key pair: its public half (PEM SubjectPublicKeyInfo)
    public_key_algorithm  VARCHAR(64),                              -- and its algorithm (ed25519, ecdsa-p256-sha256, ...): both or neither;
                                                                    -- a key with a public key needs no row in signet_key_secrets
    created_at            TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP, -- the database's local time: for people, never read by Signet
    updated_at            TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The shared secrets of a key: one normally, two or more during a rotation. The newest (highest secret_no)
-- is the one callers sign with; any secret whose not_after has not passed verifies.
CREATE TABLE signet_key_secrets (
    secret_no   BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id      VARCHAR(200)  NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    secret      VARCHAR(1024) NOT NULL CHECK (secret <> ''),        -- the HMAC key as text (its UTF-8 bytes are used)
    not_after   TIMESTAMP,                                          -- UTC; NULL: no end; set by a rotation
    created_at  TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX signet_key_secrets_key_id ON signet_key_secrets (key_id);

-- What a key may do: checked against @SignedRequired(scopes = ...) and isUserInRole.
CREATE TABLE signet_key_scopes (
    key_id  VARCHAR(200) NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    scope   VARCHAR(200) NOT NULL,
    PRIMARY KEY (key_id, scope)
);

-- Where a key may call from: CIDR blocks, IPv4 or IPv6 (10.0.0.0/8, 2001:db8::/32, or one address).
-- No row: any address.
CREATE TABLE signet_key_networks (
    key_id  VARCHAR(200) NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    cidr    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (key_id, cidr)
);
