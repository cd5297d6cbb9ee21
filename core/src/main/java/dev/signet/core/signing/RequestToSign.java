package dev.signet.core.signing;

import dev.signet.core.crypto.BodyHash;
import java.util.Locale;
import java.util.Objects;

/**
 * What the signer needs of an outgoing request: the method, the raw path exactly as it will be sent
 * (percent-encoding kept, no query) and the hash of the exact body bytes.
 */
public record RequestToSign(String method, String path, BodyHash bodyHash) {

    public RequestToSign {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bodyHash, "bodyHash");
    }

    public static RequestToSign withoutBody(String method, String path) {
        return new RequestToSign(method, path, BodyHash.EMPTY);
    }
}
