// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import java.util.regex.Pattern;

/** What a nonce header must look like to be accepted as well formed. */
public enum NonceFormat {
    /** A UUID in its 8-4-4-4-12 hex form (seed 002 asks for v4; any version is read). */
    UUID(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")),
    /** 1 to 128 visible ASCII characters (seed 004 recommends, but does not require, a UUID). */
    TOKEN(Pattern.compile("[\\x21-\\x7E]{1,128}"));

    private final Pattern pattern;

    NonceFormat(Pattern pattern) {
        this.pattern = pattern;
    }

    public boolean accepts(String nonce) {
        return pattern.matcher(nonce).matches();
    }
}
