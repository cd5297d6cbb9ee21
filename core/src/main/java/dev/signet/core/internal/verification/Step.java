// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

/** The steps of the verification pipeline, in the order of DESIGN.md; the first failing step answers. */
public enum Step {
    CREDENTIALS(1, "credentials"),
    KEY_LOOKUP(2, "key lookup"),
    KEY_STATUS(3, "key status"),
    TENANT(4, "tenant"),
    WINDOW(5, "time window"),
    REPLAY(6, "replay"),
    SIGNATURE(7, "signature"),
    REPLAY_RECORD(8, "replay record"),
    IP_ALLOWLIST(9, "IP allowlist"),
    SCOPE(10, "scope"),
    RATE_LIMIT(11, "rate limit");

    private final int number;
    private final String label;

    Step(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }
}
