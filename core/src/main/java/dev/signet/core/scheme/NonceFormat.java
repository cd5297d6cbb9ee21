// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

/**
 * What a nonce header must look like to be accepted as well formed. Checked by hand, not by a regex: the
 * matcher was 8% of a core verification's CPU samples (benchmarks/README.md section 1b); NonceFormatFuzzTest
 * holds the two expressions this replaces and checks both agree on every input it is given.
 */
public enum NonceFormat {
    /** A UUID in its 8-4-4-4-12 hex form (seed 002 asks for v4; any version is read). */
    UUID {
        @Override
        public boolean accepts(String nonce) {
            if (nonce.length() != 36) {
                return false;
            }
            for (int i = 0; i < 36; i++) {
                char c = nonce.charAt(i);
                boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
                        : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    },
    /** 1 to 128 visible ASCII characters (seed 004 recommends, but does not require, a UUID). */
    TOKEN {
        @Override
        public boolean accepts(String nonce) {
            if (nonce.isEmpty() || nonce.length() > 128) {
                return false;
            }
            for (int i = 0; i < nonce.length(); i++) {
                char c = nonce.charAt(i);
                if (c < 0x21 || c > 0x7E) {
                    return false;
                }
            }
            return true;
        }
    };

    public abstract boolean accepts(String nonce);
}
