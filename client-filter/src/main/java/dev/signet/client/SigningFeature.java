// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.keys.Secret;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Signs every outgoing call of the JAX-RS client, target or MicroProfile Rest Client it is registered on,
 * under one {@link Scheme}, with one key id and secret. A call without an entity is signed in a request
 * filter; a call with one is signed once its entity is serialized, just before it reaches the wire (over
 * its exact bytes where the scheme signs the body). Every call and every retry gets a fresh timestamp and
 * nonce. One instance is safe to share between threads and clients; it keeps no static state.
 *
 * <p>A call that already carries a header the scheme writes (key id, timestamp, nonce or signature, in any
 * spelling) fails with an exception naming the header, and nothing is sent: it would otherwise go out with
 * the application's value as its credential, or lose that value unseen.
 *
 * <p><b>Redirects are not followed.</b> A connector that follows a redirect sends the same headers, the
 * signature included, to the redirect's target, another origin perhaps, where under the schemes that sign no
 * path they are valid too. So the feature sets {@value #FOLLOW_REDIRECTS} to {@code false} on the
 * configuration it is registered on and on every request it signs, whatever the caller set: a signed call
 * answered with a 3xx returns that 3xx. A caller who wants the redirect follows it with a new call to the
 * {@code Location}, which the feature signs afresh for its own target. The property is Jersey's; other
 * runtimes (RESTEasy, CXF) do not follow redirects unless told to, so do not turn it on there.
 *
 * <pre>{@code
 * Client client = ClientBuilder.newClient()
 *         .register(SigningFeature.of(Presets.CANONICAL_NONCE, "sk_live_abc123def456", secret));
 * }</pre>
 *
 * <p>{@link #webhook(WebhookScheme)} builds a feature that signs as a webhook sender instead (Stripe, GitHub,
 * Slack, Shopify, Standard Webhooks): the sender's headers and a fresh delivery id and timestamp on every
 * call, the MAC over the exact serialized bytes, so a team can call its own webhook endpoint as the sender
 * would.
 *
 * <p>For {@code @RegisterProvider}, which instantiates a class, extend this one with a no-argument
 * constructor that passes a built feature to {@link #SigningFeature(SigningFeature)}.
 */
public class SigningFeature implements Feature {

    /**
     * Request filters run in ascending priority: the signer runs after every filter of the standard bands
     * (up to {@code Priorities.USER}), once the URI and headers it signs are final.
     */
    static final int REQUEST_FILTER_PRIORITY = 1_000_000;

    /**
     * Writer interceptors nest, and the first one in priority order is the outermost, closest to the wire:
     * the signer goes before every standard band after its own (header decorators, entity coders such as
     * gzip, user interceptors), so the bytes those produce are the bytes it signs. Not lower: Jersey reads a
     * priority of zero or below as "none" and sorts it with {@code Priorities.USER}.
     */
    static final int WRITER_INTERCEPTOR_PRIORITY = Priorities.AUTHENTICATION;

    /**
     * Jersey's {@code ClientProperties.FOLLOW_REDIRECTS}, spelled out: the feature needs only the Jakarta REST
     * API, and to any other runtime it is a property it ignores.
     */
    static final String FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";

    /** Bodies up to this size are held in memory while they are hashed; larger ones go to a temp file. */
    static final int DEFAULT_SPOOL_THRESHOLD = 1024 * 1024;

    /** Signs the calls: {@link #headerSigner} for a header scheme, a {@link WebhookSigner} for a webhook sender. */
    private final CallSigner signer;
    /** The header scheme's signer, for skew correction; null for a webhook sender. */
    private final OutgoingSigner headerSigner;
    private final boolean skewCorrection;
    private final int spoolThreshold;
    private final String description;

    private SigningFeature(Builder builder) {
        this.headerSigner = new OutgoingSigner(builder.scheme, builder.keyId, builder.secret,
                new CorrectableClock(builder.clock), builder.nonces, builder.onSigned);
        this.signer = headerSigner;
        this.skewCorrection = builder.skewCorrection;
        this.spoolThreshold = builder.spoolThreshold;
        this.description = "SigningFeature[scheme=" + builder.scheme.name() + ", keyId=" + builder.keyId
                + ", secret=****, skewCorrection=" + skewCorrection + "]";
    }

    private SigningFeature(WebhookBuilder builder) {
        this.headerSigner = null;
        this.signer = new WebhookSigner(builder.scheme, builder.secrets, builder.clock, builder.deliveryIds);
        this.skewCorrection = false;
        this.spoolThreshold = builder.spoolThreshold;
        this.description = "SigningFeature[webhook=" + builder.scheme.name() + ", secrets=" + builder.secrets.size() + " x ****]";
    }

    /** For subclasses that {@code @RegisterProvider} can instantiate: behaves exactly as {@code configured}. */
    protected SigningFeature(SigningFeature configured) {
        Objects.requireNonNull(configured, "configured");
        this.signer = configured.signer;
        this.headerSigner = configured.headerSigner;
        this.skewCorrection = configured.skewCorrection;
        this.spoolThreshold = configured.spoolThreshold;
        this.description = configured.description;
    }

    /** The common case: the system clock, random UUID nonces, no skew correction. */
    public static SigningFeature of(Scheme scheme, String keyId, String secret) {
        return builder(scheme).keyId(keyId).secret(secret).build();
    }

    public static Builder builder(Scheme scheme) {
        return new Builder(scheme);
    }

    /**
     * Signs every call as the webhook sender {@code scheme} would ({@code WebhookPresets.STRIPE} and the
     * others), so a team can send its own webhook endpoint what Stripe, GitHub, Slack, Shopify or a Standard
     * Webhooks sender sends:
     *
     * <pre>{@code
     * Client client = ClientBuilder.newClient()
     *         .register(SigningFeature.webhook(WebhookPresets.STRIPE).secret("whsec_...").build());
     * }</pre>
     */
    public static WebhookBuilder webhook(WebhookScheme scheme) {
        return new WebhookBuilder(scheme);
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.property(FOLLOW_REDIRECTS, false);
        context.register(new SigningRequestFilter(signer), REQUEST_FILTER_PRIORITY);
        context.register(new BodySigningInterceptor(spoolThreshold), WRITER_INTERCEPTOR_PRIORITY);
        if (skewCorrection) {
            context.register(new SkewCorrectionFilter(headerSigner.scheme(), headerSigner.clock()));
        }
        return true;
    }

    /** The correction learned from the server's clock so far; zero until a timestamp refusal teaches one. */
    Duration clockOffset() {
        return headerSigner == null ? Duration.ZERO : headerSigner.clock().offset();
    }

    @Override
    public String toString() {
        return description;
    }

    /** Collects the settings of one feature; not thread-safe, and {@link #build()} copies what it needs. */
    public static final class Builder {
        private final Scheme scheme;
        private String keyId;
        private Secret secret;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = () -> UUID.randomUUID().toString();
        private boolean skewCorrection;
        private BiConsumer<CanonicalRequest, SignedHeaders> onSigned = (request, headers) -> { };
        private int spoolThreshold = DEFAULT_SPOOL_THRESHOLD;

        private Builder(Scheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
        }

        /** The public key id, sent in the scheme's key id header. */
        public Builder keyId(String keyId) {
            Objects.requireNonNull(keyId, "keyId");
            if (keyId.isEmpty() || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                // A header value carries visible ASCII only; the server would call anything else malformed.
                throw new IllegalArgumentException("a key id is one or more visible ASCII characters");
            }
            this.keyId = keyId;
            return this;
        }

        public Builder secret(String secret) {
            return secret(Secret.of(secret));
        }

        public Builder secret(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Where timestamps come from; the system UTC clock unless a test or a tool needs another. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where nonces (request ids) come from; random UUID v4 unless a test or a tool needs another. */
        public Builder nonces(Supplier<String> nonces) {
            this.nonces = Objects.requireNonNull(nonces, "nonces");
            return this;
        }

        /**
         * When on, a Signet refusal of the timestamp teaches the feature the server's clock, from the
         * response's {@code Date} header, and later calls are signed on that clock. The refused call itself
         * is not retried. Only a 401 that answers a request this feature signed, from the origin it was signed
         * for, with a body in the scheme's error format naming the timestamp failure, counts; any other 401
         * (a proxy's, a gateway's) is ignored. A correction of more than five minutes either way is ignored,
         * not clamped: under a preset with a five-minute window (timestamp-secret, json-payload) every
         * timestamp refusal is past that, so there the correction never applies.
         */
        public Builder skewCorrection(boolean on) {
            this.skewCorrection = on;
            return this;
        }

        /**
         * Called after each request is signed, with what was signed (method, raw path, body hash) and the
         * headers added; neither holds the secret. Under a scheme that does not sign the body, the body is not
         * read and the hash given is the empty body's. For logging and debugging; runs on the thread that
         * sends the request.
         *
         * <p><b>Do not log the headers under {@code timestamp-secret}.</b> Its {@code X-HMAC} signs only the
         * timestamp, not the request, so with {@code X-API-KEY} and {@code X-Timestamp} it is a bearer
         * credential: anyone who reads the three can send any request as this key until the timestamp leaves
         * the scheme's five-minute window. Log the method and path, or the header names, instead. Under the
         * other presets a logged signature cannot be reused for another request, but it is still better kept
         * out of shared logs.
         */
        public Builder onSigned(BiConsumer<CanonicalRequest, SignedHeaders> listener) {
            this.onSigned = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Tests move the memory-to-file switch to exercise it with small bodies. */
        Builder spoolThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("spoolThreshold must be >= 0");
            }
            this.spoolThreshold = bytes;
            return this;
        }

        public SigningFeature build() {
            if (keyId == null) {
                throw new IllegalStateException("keyId is required");
            }
            if (secret == null) {
                throw new IllegalStateException("secret is required");
            }
            return new SigningFeature(this);
        }
    }
    /** Collects the settings of a webhook sender's feature; not thread-safe, and {@link #build()} copies what it needs. */
    public static final class WebhookBuilder {
        private final WebhookScheme scheme;
        private final List<Secret> secrets = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Supplier<String> deliveryIds = () -> "msg_" + UUID.randomUUID().toString().replace("-", "");
        private int spoolThreshold = DEFAULT_SPOOL_THRESHOLD;

        private WebhookBuilder(WebhookScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
        }

        /**
         * A secret to sign with, as the sender's dashboard shows it ({@code whsec_...} for Stripe and
         * Standard Webhooks). Give two, oldest first, to send what a sender sends while it rotates: Stripe and
         * Standard Webhooks senders then sign with both; the others sign with the last.
         */
        public WebhookBuilder secret(String secret) {
            return secret(Secret.of(secret));
        }

        public WebhookBuilder secret(Secret secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** Where delivery timestamps come from; the system UTC clock unless a test needs another. */
        public WebhookBuilder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where delivery ids come from ({@code webhook-id}, {@code X-GitHub-Delivery},
         * {@code X-Shopify-Webhook-Id}); {@code msg_} and a random UUID's hex by default. Each call gets a new one.
         */
        public WebhookBuilder deliveryIds(Supplier<String> ids) {
            this.deliveryIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Tests move the memory-to-file switch to exercise it with small bodies. */
        WebhookBuilder spoolThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("spoolThreshold must be >= 0");
            }
            this.spoolThreshold = bytes;
            return this;
        }

        public SigningFeature build() {
            if (secrets.isEmpty()) {
                throw new IllegalStateException("a secret is required");
            }
            return new SigningFeature(this);
        }
    }
}
