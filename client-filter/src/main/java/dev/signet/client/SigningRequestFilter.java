package dev.signet.client;

import dev.signet.core.canonical.CanonicalRequest;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;

/**
 * Signs a request without a body (over the empty-body hash), or a request whose scheme does not sign the
 * body, straight away; defers any other to {@link BodySigningInterceptor}, which sees the serialized bytes.
 * A request that already carries the scheme's signature header is left alone: its caller signed it.
 */
final class SigningRequestFilter implements ClientRequestFilter {

    private final OutgoingSigner signer;

    SigningRequestFilter(OutgoingSigner signer) {
        this.signer = signer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (signer.alreadySigned(request.getHeaders()) || request.getProperty(PendingSignature.PROPERTY) != null) {
            return;
        }
        String path = rawPath(request.getUri());
        if (request.hasEntity() && signer.coversBody()) {
            request.setProperty(PendingSignature.PROPERTY,
                    new PendingSignature(signer, request.getMethod(), path, SignedOrigin.of(request.getUri())));
        } else {
            signer.signInto(CanonicalRequest.withoutBody(request.getMethod(), path), request.getHeaders());
            request.setProperty(SignedOrigin.PROPERTY, SignedOrigin.of(request.getUri()));
        }
    }

    /** The path as it goes on the request line: percent-encoding kept, no query, and "/" when empty. */
    static String rawPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
