// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.Objects;

/**
 * A request as the server received it: the method, the raw path as the client sent it (percent-encoding
 * kept, context root included), the raw query without its {@code ?} (empty when none), its headers and the
 * connection's peer address ({@code null} when the container does not tell) and the absolute target URI as
 * the server saw it ({@code https://host/ctx/api/items?x=1}, for RFC 9421's {@code @target-uri},
 * {@code @authority} and {@code @scheme}; {@code null} when unknown). The body is read separately, only once
 * the cheap steps passed.
 */
public record ReceivedRequest(String method, String path, String query, HeaderSource headers, String peerAddress,
        String targetUri) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        Objects.requireNonNull(headers, "headers");
    }

    /** A request whose target URI is not known (the header schemes do not need it). */
    public ReceivedRequest(String method, String path, String query, HeaderSource headers, String peerAddress) {
        this(method, path, query, headers, peerAddress, null);
    }

    /** A request without a query, whose target URI is not known. */
    public ReceivedRequest(String method, String path, HeaderSource headers, String peerAddress) {
        this(method, path, "", headers, peerAddress, null);
    }

    /** A request without a query, from an unknown peer: for tools and tests. */
    public ReceivedRequest(String method, String path, HeaderSource headers) {
        this(method, path, "", headers, null, null);
    }
}
