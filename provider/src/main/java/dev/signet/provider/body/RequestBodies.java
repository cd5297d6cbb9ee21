package dev.signet.provider.body;

import dev.signet.core.crypto.BodyHash;
import dev.signet.provider.SignetRuntime;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.Optional;

/**
 * A request's body, read once and hashed: by the signature check when its scheme signs the body, else by
 * whoever needs the hash first (the idempotency check). The resource then reads the identical bytes.
 */
public final class RequestBodies {

    private static final String HASH = "dev.signet.body-hash";

    private RequestBodies() {
    }

    /** The body's hash, or empty when it is larger than {@code signet.max-body-bytes} (nothing kept then). */
    public static Optional<BodyHash> hash(ContainerRequestContext request, SignetRuntime runtime) throws IOException {
        if (request.getProperty(HASH) instanceof BodyHash known) {
            return Optional.of(known);
        }
        long declared = request.getLength(); // -1 when not declared
        if (declared > runtime.bodyReader().maxBytes()) {
            return Optional.empty(); // refuse before reading a byte
        }
        Optional<CapturedBody> body = runtime.bodyReader().read(request.getEntityStream(), declared);
        if (body.isPresent()) {
            runtime.spooledBodies().track(body.get()); // deleted when the request ends, however it ends
            request.setEntityStream(body.get().replay());
            request.setProperty(HASH, body.get().hash());
        }
        return body.map(CapturedBody::hash);
    }
}
