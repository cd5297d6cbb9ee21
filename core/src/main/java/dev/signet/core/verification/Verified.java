package dev.signet.core.verification;

import dev.signet.core.keys.ApiKey;

/** A request whose signature verified under {@code key}. */
public record Verified(Credentials credentials, ApiKey key) implements Verification {
}
