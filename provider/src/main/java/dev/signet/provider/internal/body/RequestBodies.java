// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.provider.SignetRuntime;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.Optional;

/**
 * A request's body, read once: by the signature check when its scheme signs the body (the bytes pass through
 * the scheme's sink as they arrive), else by whoever needs it first (the idempotency check, which needs its
 * SHA-256). The resource then reads the identical bytes.
 */
public final class RequestBodies {

    private static final String HASH = "dev.signet.body-hash";
    private static final String TOO_LARGE = "dev.signet.body-too-large";

    private RequestBodies() {
    }

    /**
     * Reads the body once, passing its bytes through {@code sink}; with {@code keepHash} also through a
     * SHA-256 whose result {@link #hash} answers later without reading again.
     *
     * @return false when the body is larger than {@code signet.max-body-bytes} (nothing kept then)
     */
    public static boolean read(ContainerRequestContext request, SignetRuntime runtime, BodySource.Sink sink,
            boolean keepHash) throws IOException {
        long declared = request.getLength(); // -1 when not declared
        if (declared > runtime.bodyReader().maxBytes()) {
            request.setProperty(TOO_LARGE, true);
            return false; // refuse before reading a byte
        }
        BodyHash.Hasher hasher = keepHash ? BodyHash.hasher() : null;
        BodySource.Sink through = hasher == null ? sink : (bytes, offset, length) -> {
            sink.update(bytes, offset, length);
            hasher.update(bytes, offset, length);
        };
        Optional<CapturedBody> body = runtime.bodyReader().read(request.getEntityStream(), declared, through);
        if (body.isEmpty()) {
            request.setProperty(TOO_LARGE, true);
            return false;
        }
        if (body.get().isSpooled()) {
            // Deleted when the request ends, however it ends. Only files: a body in memory needs no closing,
            // and the request-scoped proxy cost 8% of the filter's CPU samples (benchmarks/README.md section 3b).
            runtime.spooledBodies().track(body.get());
        }
        request.setEntityStream(body.get().replay());
        if (hasher != null) {
            request.setProperty(HASH, hasher.length() == 0 ? BodyHash.EMPTY : hasher.finish());
        }
        return true;
    }

    /**
     * The body's SHA-256: the one kept when the signature check read it, else read now. Empty when it is
     * larger than {@code signet.max-body-bytes}.
     */
    public static Optional<BodyHash> hash(ContainerRequestContext request, SignetRuntime runtime) throws IOException {
        if (request.getProperty(HASH) instanceof BodyHash known) {
            return Optional.of(known);
        }
        if (Boolean.TRUE.equals(request.getProperty(TOO_LARGE))) {
            return Optional.empty();
        }
        boolean read = read(request, runtime, (bytes, offset, length) -> { }, true);
        return read && request.getProperty(HASH) instanceof BodyHash hash ? Optional.of(hash) : Optional.empty();
    }
}
