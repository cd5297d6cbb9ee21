-- Signet's JDBC key store (dev.signet.provider.keys.jdbc.JdbcKeyStore), PostgreSQL 12 or later; tested on 15.
-- Run once, as the owner of the schema:   psql -d yourdb -f schema-postgresql.sql
-- Every statement is idempotent (IF NOT EXISTS). The server only reads these tables: grant it SELECT, and
-- grant INSERT/UPDATE/DELETE only to whoever runs `signet keys` against them.

-- One row per API key.
CREATE TABLE IF NOT EXISTS signet_keys (
    key_id                VARCHAR(200) PRIMARY KEY,                 -- the public id the caller sends
    status                VARCHAR(16)  NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'disabled', 'revoked')),
    expires_at            TIMESTAMP WITH TIME ZONE,                 -- NULL: never
    tenant                VARCHAR(200),                             -- NULL: no tenant binding
    rate_limit_per_minute INTEGER      NOT NULL DEFAULT 0
                          CHECK (rate_limit_per_minute >= 0),       -- 0: signet.rate-limit.default-per-minute
    public_key            TEXT,                                     -- RFC 9421 key pair: its public half (PEM SubjectPublicKeyInfo)
    public_key_algorithm  VARCHAR(64),                              -- and its algorithm (ed25519, ecdsa-p256-sha256, ...): both or neither;
                                                                    -- a key with a public key needs no row in signet_key_secrets
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The shared secrets of a key: one normally, two or more during a rotation. The newest (highest secret_no)
-- is the one callers sign with; any secret whose not_after has not passed verifies.
CREATE TABLE IF NOT EXISTS signet_key_secrets (
    secret_no   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id      VARCHAR(200)  NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    secret      VARCHAR(1024) NOT NULL CHECK (secret <> ''),        -- the HMAC key as text (its UTF-8 bytes are used)
    not_after   TIMESTAMP WITH TIME ZONE,                           -- NULL: no end; set by a rotation
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS signet_key_secrets_key_id ON signet_key_secrets (key_id);

-- What a key may do: checked against @SignedRequired(scopes = ...) and isUserInRole.
CREATE TABLE IF NOT EXISTS signet_key_scopes (
    key_id  VARCHAR(200) NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    scope   VARCHAR(200) NOT NULL,
    PRIMARY KEY (key_id, scope)
);

-- Where a key may call from: CIDR blocks, IPv4 or IPv6 (10.0.0.0/8, 2001:db8::/32, or one address).
-- No row: any address.
CREATE TABLE IF NOT EXISTS signet_key_networks (
    key_id  VARCHAR(200) NOT NULL REFERENCES signet_keys (key_id) ON DELETE CASCADE,
    cidr    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (key_id, cidr)
);
