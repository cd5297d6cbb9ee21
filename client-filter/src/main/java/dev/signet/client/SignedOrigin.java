// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.client.ClientRequestContext;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a request was signed for: scheme, host and port of its URI when the feature signed it. Left in the
 * request's properties, so a response filter can tell a response to a request this feature signed, sent
 * where it was signed for, from any other (one a filter answered before signing, or one sent elsewhere).
 */
final class SignedOrigin {

    /** The property name; namespaced so no other library's property can collide with it. */
    static final String PROPERTY = "dev.signet.client.signed-origin";

    private SignedOrigin() {
    }

    /** {@code scheme://host:port}, lower case, the default port made explicit; null for a URI without a host. */
    static String of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Whether this feature signed {@code request} and it went to the origin it was signed for. */
    static boolean matches(ClientRequestContext request) {
        Object signedFor = request.getProperty(PROPERTY);
        return signedFor != null && Objects.equals(signedFor, of(request.getUri()));
    }
}
