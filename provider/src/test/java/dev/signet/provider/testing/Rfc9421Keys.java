// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.SigningKey;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.PublicVerificationKey;
import dev.signet.provider.keys.InMemoryKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * One key per algorithm of RFC 9421's registry, generated once per JVM: key id {@code rfc-<algorithm>},
 * scope {@code items:read}; {@code rfc-writer} (ed25519) also holds {@code items:write}.
 */
public final class Rfc9421Keys {

    public static final String HMAC_SECRET = "rfc9421-shared-secret-0123456789";
    private static final Map<SignatureAlgorithm, KeyPair> PAIRS = new EnumMap<>(SignatureAlgorithm.class);

    private Rfc9421Keys() {
    }

    public static String id(SignatureAlgorithm alg) {
        return "rfc-" + alg.rfcName();
    }

    public static synchronized KeyPair pair(SignatureAlgorithm alg) {
        return PAIRS.computeIfAbsent(alg, a -> {
            try {
                KeyPairGenerator g;
                switch (a) {
                    case ED25519 -> g = KeyPairGenerator.getInstance("Ed25519");
                    case ECDSA_P256_SHA256, ECDSA_P384_SHA384 -> {
                        g = KeyPairGenerator.getInstance("EC");
                        g.initialize(new ECGenParameterSpec(a == SignatureAlgorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"));
                    }
                    default -> {
                        g = KeyPairGenerator.getInstance("RSA");
                        g.initialize(2048);
                    }
                }
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static SigningKey signingKey(SignatureAlgorithm alg) {
        return alg.symmetric() ? SigningKey.hmac(HMAC_SECRET) : SigningKey.of(alg, pair(alg).getPrivate());
    }

    public static ApiKey apiKey(SignatureAlgorithm alg) {
        ApiKey.Builder b = ApiKey.builder(id(alg)).scope("items:read");
        return alg.symmetric() ? b.secret(HMAC_SECRET).build()
                : b.publicKey(new PublicVerificationKey(alg, pair(alg).getPublic())).build();
    }

    public static ApiKey writer() {
        return ApiKey.builder("rfc-writer").scopes("items:read", "items:write")
                .publicKey(new PublicVerificationKey(SignatureAlgorithm.ED25519, pair(SignatureAlgorithm.ED25519).getPublic())).build();
    }

    public static InMemoryKeyRepository repository() {
        java.util.List<ApiKey> keys = new java.util.ArrayList<>();
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            keys.add(apiKey(alg));
        }
        keys.add(writer());
        return new InMemoryKeyRepository(keys);
    }
}
