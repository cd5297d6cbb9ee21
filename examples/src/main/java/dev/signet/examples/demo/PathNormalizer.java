// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.provider.SignetFeature;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;

/**
 * Routes {@code /canonical/%65cho} as {@code /canonical/echo} would be routed: Jersey matches the encoded path,
 * so an equivalent spelling (RFC 3986 section 6.2.2: percent-encoded unreserved characters, dot segments)
 * would otherwise be a 404. The path as received is kept for Signet, which verifies what the client signed.
 */
@PreMatching
@Priority(100)
public final class PathNormalizer implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI received = request.getUriInfo().getRequestUri();
        String raw = received.getRawPath();
        if (raw == null || (raw.indexOf('%') < 0 && !raw.contains("/."))) {
            return;
        }
        String normalized = URI.create(decodeUnreserved(raw)).normalize().getRawPath();
        if (normalized.equals(raw) || !normalized.startsWith("/")) {
            return;
        }
        request.setProperty(SignetFeature.ORIGINAL_REQUEST_URI, received);
        String query = received.getRawQuery();
        request.setRequestUri(request.getUriInfo().getBaseUri(),
                URI.create(received.getScheme() + "://" + received.getRawAuthority() + normalized + (query == null ? "" : "?" + query)));
    }

    /** Decodes only {@code %XX} that stand for A-Z a-z 0-9 - . _ ~: the others change meaning when decoded. */
    static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int value = c == '%' && i + 2 < path.length() ? hexByte(path.charAt(i + 1), path.charAt(i + 2)) : -1;
            if (isUnreserved(value)) {
                out.append((char) value);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hexByte(char high, char low) {
        int h = high < 128 ? Character.digit(high, 16) : -1;
        int l = low < 128 ? Character.digit(low, 16) : -1;
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
