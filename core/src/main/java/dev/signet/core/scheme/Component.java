// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import java.util.Arrays;
import java.util.Optional;

/** A named part of a request that a signed-string recipe can include. */
public enum Component {
    METHOD("method"),
    PATH("path"),
    TIMESTAMP("timestamp"),
    NONCE("nonce"),
    /** Lowercase hex SHA-256 of the exact body bytes. */
    BODY_HASH("bodyHash"),
    KEY_ID("keyId"),
    /** The shared secret itself: only the timestamp-secret preset signs it. */
    SECRET("secret"),
    /** The query exactly as sent, without the {@code ?}; empty when there is none. No preset signs it. */
    QUERY("query"),
    /**
     * The query in {@link dev.signet.core.internal.canonical.CanonicalQuery canonical form}: parameters sorted,
     * percent-encoding normalised, so intermediaries that re-encode or reorder it do not break the signature.
     */
    CANONICAL_QUERY("canonicalQuery");

    private final String templateName;

    Component(String templateName) {
        this.templateName = templateName;
    }

    /** The name used between braces in a template, such as {@code {bodyHash}}. */
    public String templateName() {
        return templateName;
    }

    public static Optional<Component> byTemplateName(String name) {
        return Arrays.stream(values()).filter(c -> c.templateName.equals(name)).findFirst();
    }
}
