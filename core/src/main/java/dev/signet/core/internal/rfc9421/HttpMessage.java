// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.verification.HeaderSource;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message as RFC 9421 sees it when it builds a signature base: for a request its method, target URI and
 * request target; for a response its status and, for components with the {@code req} parameter, the
 * request it answers; for both the field lines (headers) and trailers. Field names are matched ignoring case;
 * several lines of one name keep their order.
 */
public final class HttpMessage {

    private final String method;
    private final String targetUri;
    private final String scheme;
    private final String authority;
    private final String path;
    private final String query;
    private final String requestTarget;
    private final int status;
    private final HeaderSource fields;
    private final HeaderSource trailers;
    private final HttpMessage request;

    private HttpMessage(String method, String targetUri, String requestTarget, int status, HeaderSource fields,
            HeaderSource trailers, HttpMessage request) {
        this.method = method;
        this.targetUri = targetUri;
        this.status = status;
        this.fields = Objects.requireNonNull(fields, "fields");
        this.trailers = trailers == null ? name -> List.of() : trailers;
        this.request = request;
        if (targetUri != null) {
            URI uri;
            try {
                uri = new URI(targetUri);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not a URI: " + e.getReason());
            }
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("the target URI must be absolute, with an authority");
            }
            this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            this.authority = authority(this.scheme, uri);
            this.path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            this.query = uri.getRawQuery();
            this.requestTarget = requestTarget != null ? requestTarget : path + (query == null ? "" : "?" + query);
        } else {
            this.scheme = null;
            this.authority = null;
            this.path = null;
            this.query = null;
            this.requestTarget = requestTarget;
        }
    }

    /** A request to {@code targetUri} (absolute, as the client addressed it) in origin form. */
    public static HttpMessage request(String method, String targetUri, HeaderSource fields) {
        return new HttpMessage(Objects.requireNonNull(method, "method"), Objects.requireNonNull(targetUri, "targetUri"),
                null, -1, fields, null, null);
    }

    /** A request whose request target is not the origin form of its URI (absolute, authority or asterisk form). */
    public static HttpMessage request(String method, String targetUri, String requestTarget, HeaderSource fields) {
        return new HttpMessage(method, targetUri, requestTarget, -1, fields, null, null);
    }

    /** A response; {@code request} is the request it answers, or null when unknown. */
    public static HttpMessage response(int status, HeaderSource fields, HttpMessage request) {
        return new HttpMessage(null, null, null, status, fields, null, request);
    }

    /** The same message with trailer fields. */
    public HttpMessage withTrailers(HeaderSource trailerFields) {
        return new HttpMessage(method, targetUri, requestTarget, status, fields, trailerFields, request);
    }

    private static String authority(String scheme, URI uri) {
        String host = uri.getHost();
        if (host == null) { // a registry-based authority: take it as written, less any user info
            String raw = uri.getRawAuthority();
            int at = raw.lastIndexOf('@');
            return (at >= 0 ? raw.substring(at + 1) : raw).toLowerCase(Locale.ROOT);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    public boolean isRequest() {
        return method != null;
    }

    public String method() {
        return method;
    }

    public String targetUri() {
        return targetUri;
    }

    public String scheme() {
        return scheme;
    }

    /** The target URI's authority: lowercase host, default port left out (RFC 9110 section 4.2.3). */
    public String authority() {
        return authority;
    }

    public String path() {
        return path;
    }

    /** The raw query without its {@code ?}, or null when the URI has none. */
    public String query() {
        return query;
    }

    public String requestTarget() {
        return requestTarget;
    }

    public int status() {
        return status;
    }

    public HeaderSource fields() {
        return fields;
    }

    public HeaderSource trailers() {
        return trailers;
    }

    /** The request a response answers, or null. */
    public HttpMessage request() {
        return request;
    }
}
