// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.verification.HeaderSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs requests the way Signet's server policy wants them by default: {@code @method}, {@code @target-uri},
 * {@code content-digest} when there is a body (the field is added here), then any further components named,
 * with a fresh {@code created} and nonce given by the caller, the key id, and optionally {@code alg},
 * {@code tag} and {@code expires}. Immutable and thread-safe; the key never prints.
 */
public final class Rfc9421Signer {

    private final String keyId;
    private final SigningKey key;
    private final String label;
    private final String tag;
    private final boolean includeAlg;
    private final Duration expiresAfter;
    private final DigestAlgorithm digest;
    private final List<ComponentId> extra;
    private final FieldTypes fieldTypes;

    private Rfc9421Signer(Builder b) {
        this.keyId = Objects.requireNonNull(b.keyId, "keyId");
        this.key = Objects.requireNonNull(b.key, "key");
        this.label = HttpSignatures.requireLabel(b.label);
        this.tag = b.tag;
        this.includeAlg = b.includeAlg;
        this.expiresAfter = b.expiresAfter;
        this.digest = b.digest;
        this.extra = List.copyOf(b.extra);
        this.fieldTypes = b.fieldTypes;
    }

    public static Builder builder(String keyId, SigningKey key) {
        return new Builder(keyId, key);
    }

    public String keyId() {
        return keyId;
    }

    public SigningKey key() {
        return key;
    }

    public String label() {
        return label;
    }

    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }

    /** The header fields a signed request gets, and what was signed. */
    public record Result(Map<String, String> headers, HttpSignatures.Signed signed) {
        @Override
        public String toString() {
            return "Result[" + signed + "]";
        }
    }

    /**
     * Signs a request to {@code targetUri} carrying {@code headers}; {@code bodyDigests} are its content's
     * digests ({@link ContentDigest.Hasher}), or null when it has no body.
     */
    public Result sign(String method, String targetUri, HeaderSource headers,
            Map<DigestAlgorithm, byte[]> bodyDigests, Instant created, String nonce) {
        Map<String, String> added = new LinkedHashMap<>();
        List<ComponentId> components = new ArrayList<>(List.of(ComponentId.of("@method"), ComponentId.of("@target-uri")));
        if (bodyDigests != null) {
            added.put(ContentDigest.FIELD, ContentDigest.field(bodyDigests));
            components.add(ComponentId.of("content-digest"));
        }
        extra.stream().filter(c -> !components.contains(c)).forEach(components::add);
        HeaderSource fields = name -> name.equalsIgnoreCase(ContentDigest.FIELD) && added.containsKey(ContentDigest.FIELD)
                ? List.of(added.get(ContentDigest.FIELD)) : headers.values(name);
        SignatureParams.Builder params = SignatureParams.builder().components(components).created(created);
        if (expiresAfter != null) {
            params.expires(created.plus(expiresAfter));
        }
        params.keyId(keyId);
        if (includeAlg) {
            params.alg(key.algorithm().rfcName());
        }
        params.nonce(nonce).tag(tag);
        HttpSignatures.Signed signed = HttpSignatures.sign(HttpMessage.request(method, targetUri, fields), label,
                params.build(), key, fieldTypes);
        added.put(HttpSignatures.SIGNATURE_INPUT, signed.signatureInput());
        added.put(HttpSignatures.SIGNATURE, signed.signatureField());
        return new Result(Map.copyOf(added), signed);
    }

    @Override
    public String toString() {
        return "Rfc9421Signer[keyId=" + keyId + ", " + key.algorithm().rfcName() + ", label=" + label + "]";
    }

    public static final class Builder {
        private final String keyId;
        private final SigningKey key;
        private String label = "sig1";
        private String tag;
        private boolean includeAlg;
        private Duration expiresAfter;
        private DigestAlgorithm digest = DigestAlgorithm.SHA_256;
        private final List<ComponentId> extra = new ArrayList<>();
        private FieldTypes fieldTypes = FieldTypes.DEFAULT;

        private Builder(String keyId, SigningKey key) {
            this.keyId = keyId;
            this.key = key;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** Whether to send the {@code alg} parameter (off by default: the key fixes the algorithm). */
        public Builder includeAlg(boolean on) {
            this.includeAlg = on;
            return this;
        }

        /** An {@code expires} this long after {@code created}; none by default. */
        public Builder expiresAfter(Duration validity) {
            this.expiresAfter = validity;
            return this;
        }

        public Builder digest(DigestAlgorithm algorithm) {
            this.digest = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** A further component to cover, which every request must then have. */
        public Builder cover(ComponentId component) {
            extra.add(component);
            return this;
        }

        public Builder fieldTypes(FieldTypes types) {
            this.fieldTypes = Objects.requireNonNull(types, "types");
            return this;
        }

        public Rfc9421Signer build() {
            return new Rfc9421Signer(this);
        }
    }
}
