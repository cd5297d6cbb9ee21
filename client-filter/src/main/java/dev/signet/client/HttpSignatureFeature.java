// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.rfc9421.SigningKey;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import dev.signet.core.internal.rfc9421.VerificationKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs every outgoing call with an RFC 9421 HTTP Message Signature: {@code @method}, {@code @target-uri} and,
 * when the call has an entity, {@code content-digest} over the exact serialized bytes (RFC 9530; the field is
 * added), plus any component named with {@link Builder#cover}; with a fresh {@code created} and nonce on every
 * attempt, and the key id. Signs with an HMAC secret (hmac-sha256, keyed with its UTF-8 bytes, as the server
 * keys it) or a private key of one of the registry's asymmetric algorithms. As {@link SigningFeature}: a call
 * with an entity is signed in a writer interceptor once its bytes are known; redirects are not followed; a
 * call that already carries {@code Signature}, {@code Signature-Input} or {@code Content-Digest} fails,
 * naming the header, and nothing is sent.
 *
 * <pre>{@code
 * Client client = ClientBuilder.newClient().register(HttpSignatureFeature.builder("partner-ed")
 *         .privateKeyPem("ed25519", Files.readString(Path.of("partner-ed.pem"))).build());
 * }</pre>
 */
public class HttpSignatureFeature implements Feature {

    private final Rfc9421Signer signer;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final int spoolThreshold;
    private final String serverKeyId;
    private final VerificationKey serverKey;

    private HttpSignatureFeature(Builder b) {
        Rfc9421Signer.Builder s = Rfc9421Signer.builder(b.keyId, b.key).label(b.label).tag(b.tag).includeAlg(b.includeAlg)
                .expiresAfter(b.expiresAfter).digest(b.digest);
        b.components.forEach(s::cover);
        this.signer = s.build();
        this.clock = b.clock;
        this.nonces = b.nonces;
        this.spoolThreshold = b.spoolThreshold;
        this.serverKeyId = b.serverKeyId;
        this.serverKey = b.serverKey;
    }

    /** For subclasses that {@code @RegisterProvider} can instantiate: behaves exactly as {@code configured}. */
    protected HttpSignatureFeature(HttpSignatureFeature configured) {
        this.signer = configured.signer;
        this.clock = configured.clock;
        this.nonces = configured.nonces;
        this.spoolThreshold = configured.spoolThreshold;
        this.serverKeyId = configured.serverKeyId;
        this.serverKey = configured.serverKey;
    }

    public static Builder builder(String keyId) {
        return new Builder(keyId);
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.property(SigningFeature.FOLLOW_REDIRECTS, false);
        HttpSignatureSigner outgoing = new HttpSignatureSigner(signer, clock, nonces);
        context.register(new HttpSignatureRequestFilter(outgoing), SigningFeature.REQUEST_FILTER_PRIORITY);
        context.register(new HttpSignatureInterceptor(spoolThreshold), SigningFeature.WRITER_INTERCEPTOR_PRIORITY);
        if (serverKey != null) {
            context.register(new HttpSignatureResponseFilter(serverKeyId, serverKey, signer.label(), clock));
        }
        return true;
    }

    @Override
    public String toString() {
        return "HttpSignatureFeature[keyId=" + signer.keyId() + ", " + signer.key().algorithm().rfcName() + ", key=****]";
    }

    /** The settings of one feature; not thread-safe, and {@link #build()} copies what it needs. */
    public static final class Builder {
        private final String keyId;
        private SigningKey key;
        private String label = "sig1";
        private String tag;
        private boolean includeAlg;
        private Duration expiresAfter;
        private DigestAlgorithm digest = DigestAlgorithm.SHA_256;
        private final java.util.List<ComponentId> components = new java.util.ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = () -> UUID.randomUUID().toString();
        private int spoolThreshold = SigningFeature.DEFAULT_SPOOL_THRESHOLD;
        private String serverKeyId;
        private VerificationKey serverKey;

        private Builder(String keyId) {
            Objects.requireNonNull(keyId, "keyId");
            if (keyId.isEmpty() || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("a key id is one or more visible ASCII characters");
            }
            this.keyId = keyId;
        }

        /** hmac-sha256 with this shared secret (its UTF-8 bytes), as the server's key holds it. */
        public Builder secret(String secret) {
            this.key = SigningKey.hmac(secret);
            return this;
        }

        /** A private key and its algorithm, a name of RFC 9421's registry ({@code ed25519}, {@code rsa-pss-sha512}...). */
        public Builder privateKey(String algorithm, PrivateKey privateKey) {
            return privateKey(SignatureAlgorithm.named(algorithm), privateKey);
        }

        public Builder privateKey(SignatureAlgorithm algorithm, PrivateKey privateKey) {
            this.key = SigningKey.of(algorithm, privateKey);
            return this;
        }

        /** A PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}) PEM and its algorithm. */
        public Builder privateKeyPem(String algorithm, String pem) {
            return privateKey(algorithm, PemKeys.privateKey(pem));
        }

        /** The signature's label; {@code sig1} by default. */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** A {@code tag} parameter, for servers whose policy asks for one. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** Sends the {@code alg} parameter too (the server checks it against the key). */
        public Builder includeAlg(boolean on) {
            this.includeAlg = on;
            return this;
        }

        /** An {@code expires} parameter this long after {@code created}. */
        public Builder expiresAfter(Duration validity) {
            this.expiresAfter = validity;
            return this;
        }

        /** The Content-Digest algorithm: sha-256 (default) or sha-512. */
        public Builder digest(DigestAlgorithm algorithm) {
            this.digest = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * A further component every call covers: a field name ({@code content-type}) or a serialized
         * identifier ({@code "@query-param";name="id"}). A call without it fails before it is sent.
         */
        public Builder cover(String component) {
            components.add(component.startsWith("\"") ? ComponentId.parse(component)
                    : ComponentId.of(component.toLowerCase(java.util.Locale.ROOT)));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder nonces(Supplier<String> nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        /**
         * Verifies the server's response signatures (RFC 9421 section 2.4) with its public key: every 1xx to
         * 3xx response to a signed call must carry a signature by {@code serverKeyId} bound to the call's own
         * signature, and the call fails with an exception when it does not hold.
         */
        public Builder verifyResponses(String serverKeyId, String algorithm, PublicKey publicKey) {
            this.serverKeyId = Objects.requireNonNull(serverKeyId, "serverKeyId");
            this.serverKey = VerificationKey.of(SignatureAlgorithm.named(algorithm), publicKey);
            return this;
        }

        /** As {@link #verifyResponses(String, String, PublicKey)}, the key a PEM SubjectPublicKeyInfo. */
        public Builder verifyResponsesPem(String serverKeyId, String algorithm, String publicKeyPem) {
            return verifyResponses(serverKeyId, algorithm, PemKeys.publicKey(publicKeyPem));
        }

        /** Responses signed with hmac-sha256 under a secret shared with the server. */
        public Builder verifyResponsesWithSecret(String serverKeyId, String secret) {
            this.serverKeyId = Objects.requireNonNull(serverKeyId, "serverKeyId");
            this.serverKey = VerificationKey.hmac(java.util.List.of(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return this;
        }

        Builder spoolThreshold(int bytes) {
            this.spoolThreshold = bytes;
            return this;
        }

        public HttpSignatureFeature build() {
            if (key == null) {
                throw new IllegalStateException("a secret or a private key is required");
            }
            return new HttpSignatureFeature(this);
        }
    }
}
