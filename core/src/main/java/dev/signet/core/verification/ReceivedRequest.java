package dev.signet.core.verification;

import java.util.Objects;

/**
 * A request as the server received it: the method, the raw path as the client sent it (percent-encoding
 * kept, context root included, no query), its headers and the connection's peer address ({@code null}
 * when the container does not tell). The body is read separately, only once the cheap steps passed.
 */
public record ReceivedRequest(String method, String path, HeaderSource headers, String peerAddress) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
    }

    public ReceivedRequest(String method, String path, HeaderSource headers) {
        this(method, path, headers, null);
    }
}
