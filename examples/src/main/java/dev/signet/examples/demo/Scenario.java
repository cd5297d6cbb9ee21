// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;

/**
 * What the demo client tries under each preset, and whether the preset's own document says the server
 * must accept it. The expectation is read off the scheme, not written down per preset, so the table
 * states what each document implies.
 */
public enum Scenario {
    VALID("valid"),
    TAMPERED_BODY("tampered body"),
    REPLAY("replay"),
    STALE_TIMESTAMP("stale timestamp"),
    UNKNOWN_KEY("unknown key");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a server that follows the scheme's document accepts this request. */
    public boolean acceptedBy(Scheme scheme) {
        return switch (this) {
            case VALID -> true;
            case TAMPERED_BODY -> !scheme.covers(Component.BODY_HASH);
            case REPLAY -> scheme.replayKey() == ReplayKey.NONE;
            case STALE_TIMESTAMP, UNKNOWN_KEY -> false;
        };
    }

    /** Why a request that should not get through does get through under some presets; null for the others. */
    public String whyAcceptedByDesign() {
        return switch (this) {
            case TAMPERED_BODY -> "the preset's document does not sign the body, so a changed body keeps a "
                    + "valid signature";
            case REPLAY -> "the preset's document has no replay protection: one signature is a credential "
                    + "meant to be reused for its whole window (five minutes)";
            default -> null;
        };
    }
}
