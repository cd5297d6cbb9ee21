// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.caller;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current request, once its signature verified. Inject it into a resource:
 * {@code @Inject VerifiedCaller caller; caller.keyId()}. Outside a verified request it is empty.
 */
@RequestScoped
public class VerifiedCaller {

    private String keyId;
    private String tenant;
    private Set<String> scopes = Set.of();
    private String scheme;

    void verified(String keyId, String tenant, Set<String> scopes, String scheme) {
        this.keyId = keyId;
        this.tenant = tenant;
        this.scopes = Set.copyOf(scopes);
        this.scheme = scheme;
    }

    public boolean isVerified() {
        return keyId != null;
    }

    /** The verified key id; throws when the request was not verified, so a misuse is loud. */
    public String keyId() {
        if (keyId == null) {
            throw new IllegalStateException("no verified caller in this request");
        }
        return keyId;
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    public Set<String> scopes() {
        return scopes;
    }

    public String scheme() {
        return scheme;
    }
}
