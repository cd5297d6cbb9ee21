// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara.mpclient;

import dev.signet.core.keys.ApiKey;
import dev.signet.provider.keys.KeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The partner's key registry: the key the caller's configuration names. */
@ApplicationScoped
public class PartnerKeys implements KeyRepository {

    public static final String KEY_ID = "mp-caller";
    public static final String SECRET = "mp-client-secret-0123456789abcdef";

    private static final ApiKey KEY = ApiKey.builder(KEY_ID).secret(SECRET).scopes("partner:read", "partner:write").build();

    @Override
    public Optional<ApiKey> find(String keyId) {
        return KEY_ID.equals(keyId) ? Optional.of(KEY) : Optional.empty();
    }
}
