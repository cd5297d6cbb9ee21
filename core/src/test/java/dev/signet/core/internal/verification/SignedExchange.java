// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A request signed at a fixed instant, which a test may alter before handing it to a verifier. */
final class SignedExchange {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final Scheme scheme;
    final ApiKey key;
    String method;
    String path;
    byte[] body;
    final Map<String, String> headers;

    SignedExchange(Scheme scheme, ApiKey key, String method, String path, String body) {
        this.scheme = scheme;
        this.key = key;
        this.method = method;
        this.path = path;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        RequestSigner signer = new RequestSigner(scheme, Clock.fixed(NOW, ZoneOffset.UTC), () -> UUID.randomUUID().toString());
        this.headers = new LinkedHashMap<>(signer.sign(new CanonicalRequest(method, path, BodyHash.of(this.body)),
                key.id(), key.signingSecret()).headers());
    }

    static SignedExchange of(Scheme scheme) {
        return new SignedExchange(scheme, ApiKey.builder("key-1").secret("s3cret-value").scope("items:write").build(), "POST", "/api/v1/items",
                "{\"amount\":\"100.00\"}");
    }

    Verification verify() {
        return verifyAt(NOW);
    }

    Verification verifyAt(Instant now) {
        return verifyWith(Clock.fixed(now, ZoneOffset.UTC));
    }

    Verification verifyWith(Clock clock) {
        // Whatever key id arrives, the lookup answers with a key of that id and the same secret, so a
        // scheme that does not sign the key id is shown to accept a swapped one.
        VerificationPipeline pipeline = VerificationPipeline.offline(scheme, clock,
                id -> Optional.of(new ApiKey(id, key.secrets(), key.status(), key.expiresAt(), key.scopes(),
                        key.allowedIps(), key.tenant(), key.rateLimitPerMinute())));
        return pipeline.verify(received(), BodyHash.of(body), scopes(), Trace.NONE);
    }

    ReceivedRequest received() {
        return new ReceivedRequest(method, path, HeaderSource.of(headers));
    }

    /** Seed 004 denies endpoints that name no scope; the exchange's endpoint asks for what its key holds. */
    java.util.Set<String> scopes() {
        return key.scopes();
    }

    String header(String name) {
        return headers.get(name);
    }

    void header(String name, String value) {
        headers.put(name, value);
    }
}
