package dev.signet.core.verification;

import dev.signet.core.crypto.BodyHash;
import java.io.IOException;
import java.util.Optional;

/**
 * The request body, read only when the scheme signs it and every cheaper step passed. Reading it keeps the
 * exact bytes for the resource.
 */
@FunctionalInterface
public interface BodySource {

    /** The hash of the exact bytes, or empty when the body is larger than the server accepts. */
    Optional<BodyHash> hash() throws IOException;

    static BodySource of(BodyHash hash) {
        return () -> Optional.of(hash);
    }
}
