// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.IpRange;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The JSON key file as a {@link KeyStore}. Every change reads the whole file with the provider's parser,
 * changes one key and writes the file back owner-only in one atomic move ({@link KeyFileWriter}).
 */
final class KeyFileStore implements KeyStore {

    private final Path file;

    KeyFileStore(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public String whenServersSeeIt() {
        return "servers read the key file when they start: restart or redeploy them to apply it";
    }

    @Override
    public List<ApiKey> list() throws UsageException {
        return KeyFiles.load(file).all().stream().sorted(Comparator.comparing(ApiKey::id)).toList();
    }

    @Override
    public void add(ApiKey key) throws UsageException {
        KeyFileWriter.append(file, toJson(key));
    }

    @Override
    public void rotate(String keyId, String newSecret, Instant oldNotAfter, Instant now) throws UsageException {
        change(keyId, key -> {
            if (key.status() == KeyStatus.REVOKED) {
                throw new StoreFailure("key " + keyId + " is revoked; a revoked key cannot be rotated");
            }
            if (key.publicKey() != null) {
                // A new secret would turn an RFC 9421 key pair into an HMAC key its holder cannot sign for.
                throw new StoreFailure("key " + keyId + " verifies with a " + key.publicKey().algorithm().rfcName()
                        + " public key; rotate makes secrets. Make a new pair with keygen --algorithm, then revoke this key");
            }
            return rotated(key, newSecret, oldNotAfter, now);
        });
    }

    @Override
    public void setStatus(String keyId, KeyStatus status) throws UsageException {
        change(keyId, key -> {
            if (key.status() == KeyStatus.REVOKED && status != KeyStatus.REVOKED) {
                throw new StoreFailure("key " + keyId + " is revoked; a revoked key stays revoked");
            }
            return key.toBuilder().status(status).build();
        });
    }

    /** The rotation rule, the same as JdbcKeyStore's SQL: drop ended secrets, end the others, add the new one. */
    static ApiKey rotated(ApiKey key, String newSecret, Instant oldNotAfter, Instant now) {
        ApiKey.Builder b = ApiKey.builder(key.id()).status(key.status()).expiresAt(key.expiresAt()).tenant(key.tenant())
                .rateLimitPerMinute(key.rateLimitPerMinute());
        key.scopes().forEach(b::scope);
        key.allowedIps().forEach(b::allowedIp);
        for (Secret s : key.secrets()) {
            if (s.notAfter() != null && s.notAfter().isBefore(now)) {
                continue;
            }
            Instant end = s.notAfter() == null || s.notAfter().isAfter(oldNotAfter) ? oldNotAfter : s.notAfter();
            b.secret(Secret.validUntil(s.reveal(), end));
        }
        return b.secret(newSecret).build();
    }

    private interface Change {
        ApiKey apply(ApiKey key) throws UsageException;
    }

    private void change(String keyId, Change change) throws UsageException {
        List<ApiKey> keys = new ArrayList<>(KeyFileWriter.keysInOrder(file));
        int index = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(keyId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new StoreFailure("no key " + keyId + " in " + file);
        }
        keys.set(index, change.apply(keys.get(index)));
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.forEach(k -> array.add(toJson(k)));
        KeyFileWriter.replace(file, array.build());
    }

    /** A key in the key file's format ({@link dev.signet.provider.keys.KeyFile}); the inverse of its parser. */
    static JsonObject toJson(ApiKey key) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", key.id());
        if (key.publicKey() != null) {
            // An RFC 9421 key pair's public half: without it a change to any other key would drop this one's.
            o.add("algorithm", key.publicKey().algorithm().rfcName()).add("publicKey", PemKeys.toPem(key.publicKey().key()));
        }
        if (key.secrets().size() == 1 && key.secrets().get(0).notAfter() == null) {
            o.add("secret", key.secrets().get(0).reveal());
        } else if (!key.secrets().isEmpty()) {
            JsonArrayBuilder secrets = Json.createArrayBuilder();
            for (Secret s : key.secrets()) {
                JsonObjectBuilder so = Json.createObjectBuilder().add("value", s.reveal());
                if (s.notAfter() != null) {
                    so.add("notAfter", s.notAfter().toString());
                }
                secrets.add(so);
            }
            o.add("secrets", secrets);
        }
        o.add("status", key.status().name().toLowerCase(Locale.ROOT));
        if (key.expiresAt() != null) {
            o.add("expiresAt", key.expiresAt().toString());
        }
        if (!key.scopes().isEmpty()) {
            JsonArrayBuilder scopes = Json.createArrayBuilder();
            key.scopes().stream().sorted().forEach(scopes::add);
            o.add("scopes", scopes);
        }
        if (!key.allowedIps().isEmpty()) {
            JsonArrayBuilder ips = Json.createArrayBuilder();
            key.allowedIps().stream().map(IpRange::toString).forEach(ips::add);
            o.add("allowedIps", ips);
        }
        if (key.tenant() != null) {
            o.add("tenant", key.tenant());
        }
        if (key.rateLimitPerMinute() > 0) {
            o.add("rateLimitPerMinute", key.rateLimitPerMinute());
        }
        return o.build();
    }
}
