// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.crypto.HmacSha256;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.CredentialReader;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.ParsedCredentials;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.SignatureScheme;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that defines a header signature scheme: which headers carry what, which string is signed,
 * how the MAC is encoded, the time window (applied in both directions), what makes a request unique, how
 * a refusal is written, and whether an endpoint must name a scope to be reachable at all (seed 004).
 * The window counts back from now; a timestamp from the future is accepted only up to the server's clock
 * skew, unless the scheme's document bounds the drift both ways ({@code windowBothWays}): seed 000 says a
 * MAC "remains valid for a duration of 5 minutes", so one dated ahead must not be valid for ten.
 * Immutable; the built-in ones are in {@link Presets}, custom ones come from {@link SchemeDefinition}.
 * An unsafe scheme cannot be built: the timestamp and every part of the replay key must be signed, or a
 * captured request could be replayed with a fresh timestamp or nonce.
 */
public record Scheme(
        String name,
        SchemeHeaders headers,
        SignedStringRecipe recipe,
        SignatureEncoding encoding,
        TimestampFormat timestampFormat,
        Duration window,
        ReplayKey replayKey,
        NonceFormat nonceFormat,
        ErrorFormat errorFormat,
        boolean requiresEndpointScope,
        boolean windowBothWays) implements SignatureScheme {

    public Scheme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(replayKey, "replayKey");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (recipe.components().contains(Component.NONCE) && !headers.hasNonce()) {
            throw new IllegalArgumentException("scheme " + name + " signs a nonce but names no nonce header");
        }
        if (replayKey == ReplayKey.NONCE && !headers.hasNonce()) {
            throw new IllegalArgumentException("scheme " + name + " keys replays on a nonce it does not have");
        }
        if (headers.hasNonce()) {
            Objects.requireNonNull(nonceFormat, "nonceFormat");
        }
        Objects.requireNonNull(errorFormat, "errorFormat");
        if (!recipe.components().contains(Component.TIMESTAMP)) {
            throw new IllegalArgumentException("scheme " + name + " does not sign its timestamp: a captured request"
                    + " could be sent again with a fresh one");
        }
        if (replayKey == ReplayKey.NONCE && !recipe.components().contains(Component.NONCE)) {
            throw new IllegalArgumentException("scheme " + name + " keys replays on a nonce it does not sign: a"
                    + " captured request could be sent again with a fresh nonce");
        }
    }

    /** Whether a change to {@code component} changes the signature. */
    public boolean covers(Component component) {
        return recipe.covers(component);
    }

    public Set<Component> coveredComponents() {
        return recipe.components();
    }

    /** The same scheme with another window, for servers that configure it (seed 002 allows it). */
    public Scheme withWindow(Duration newWindow) {
        return new Scheme(name, headers, recipe, encoding, timestampFormat, newWindow, replayKey, nonceFormat,
                errorFormat, requiresEndpointScope, windowBothWays);
    }

    @Override
    public ParsedCredentials readCredentials(ReceivedRequest request, Optional<String> endpointKey) {
        return new CredentialReader(this).read(request.headers());
    }

    @Override
    public Optional<String> replayUnique(Credentials c) {
        return switch (replayKey) {
            case NONE -> Optional.empty();
            case NONCE -> Optional.of(c.nonce());
            case KEY_TIMESTAMP_SIGNATURE -> Optional.of(c.timestampText() + '\n' + c.signatureHex());
        };
    }

    @Override
    public String replayUnit() {
        return replayKey == ReplayKey.NONCE ? headers.nonce() + " value" : "(key id, timestamp, signature)";
    }

    @Override
    public SignatureCheck checkSignature(Credentials c, ReceivedRequest request, BodySource body, ApiKey key, Instant now)
            throws IOException {
        BodyHash bodyHash = BodyHash.EMPTY;
        if (covers(Component.BODY_HASH)) {
            Optional<BodyHash> hashed = body.sha256();
            if (hashed.isEmpty()) {
                return SignatureCheck.of(SignatureCheck.Outcome.BODY_TOO_LARGE, null);
            }
            bodyHash = hashed.get();
        } // else: a scheme that does not sign the body never makes the server read or spool it
        CanonicalRequest canonical = new CanonicalRequest(request.method(), request.path(), request.query(), bodyHash);
        return matches(c, canonical, key, now) ? SignatureCheck.of(SignatureCheck.Outcome.MATCH, null)
                : SignatureCheck.of(SignatureCheck.Outcome.MISMATCH, signedStringRedacted(c, canonical));
    }

    /** Whether the MAC is that of one of the key's secrets valid at {@code now}; compared in constant time. */
    public boolean matches(Credentials c, CanonicalRequest request, ApiKey key, Instant now) {
        byte[] received = c.signature();
        boolean matched = false;
        for (Secret secret : key.secretsValidAt(now)) {
            String signed = recipe.render(ComponentValues.of(request, c.keyId(), c.timestampText(), c.nonce(), secret));
            // No early exit: every valid secret costs the same whether or not an earlier one matched.
            matched |= HmacSha256.constantTimeEquals(HmacSha256.mac(secret.keyBytes(), signed), received);
        }
        return matched;
    }

    /** The string this scheme signs for a request, secret redacted: for diagnostics and tools. */
    public String signedStringRedacted(Credentials c, CanonicalRequest request) {
        return recipe.renderRedacted(ComponentValues.of(request, c.keyId(), c.timestampText(), c.nonce(), null));
    }
}
