package dev.signet.core.verification;

import java.util.Objects;

/**
 * A request as the server received it: the method, the raw path as the client sent it (percent-encoding
 * kept, context root included, no query) and its headers. The body hash is passed separately because the
 * server computes it only once the cheaper checks have passed.
 */
public record ReceivedRequest(String method, String path, HeaderSource headers) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
    }
}
