// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

/** The scopes the demo's endpoints ask for; constants, because annotations need them at compile time. */
public final class DemoScopes {

    /** Asked by the canonical-nonce echo: that preset refuses any endpoint that declares no scope. */
    public static final String READ = "demo:read";

    /** Asked by every {@code /{preset}/scoped} endpoint. */
    public static final String WRITE = "demo:write";

    private DemoScopes() {
    }
}
