// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.address;

import java.util.Locale;

/**
 * The one header the trusted proxies write. The other is never read: nginx, an AWS ALB or Envoy append to
 * {@code X-Forwarded-For} and pass a caller's own {@code Forwarded} through untouched, so reading both
 * would let a caller name its own address.
 */
public enum ForwardedHeader {
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardedHeader(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /** By header name, as the setting spells it; any other name is refused. */
    public static ForwardedHeader named(String name) {
        for (ForwardedHeader h : values()) {
            if (h.headerName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return h;
            }
        }
        throw new IllegalArgumentException("must be X-Forwarded-For or Forwarded");
    }
}
