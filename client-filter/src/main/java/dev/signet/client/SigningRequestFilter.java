// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;

/**
 * Signs a request without a body (over the empty-body hash) straight away; defers one with a body to
 * {@link BodySigningInterceptor}, which signs once every writer interceptor has had its say (and, where the
 * scheme signs the body, over the serialized bytes). A request that already carries a header the scheme
 * writes fails here, before its body is serialized.
 */
final class SigningRequestFilter implements ClientRequestFilter {

    private final CallSigner signer;

    SigningRequestFilter(CallSigner signer) {
        this.signer = signer;
    }

    @Override
    public void filter(ClientRequestContext request) throws java.io.IOException {
        if (request.getProperty(PendingSignature.PROPERTY) != null || request.getProperty(SignedOrigin.PROPERTY) != null) {
            return; // this filter already ran for this request
        }
        signer.refuseSchemeHeaders(request.getHeaders());
        // A request's own property wins over the configuration's: a caller re-enabling redirects on the
        // client or this request must not send the signature to the redirect's target.
        request.setProperty(SigningFeature.FOLLOW_REDIRECTS, false);
        String path = rawPath(request.getUri());
        String query = request.getUri().getRawQuery();
        if (request.hasEntity()) {
            request.setProperty(PendingSignature.PROPERTY,
                    new PendingSignature(signer, request.getMethod(), path, query, SignedOrigin.of(request.getUri())));
        } else {
            signer.signWithoutBody(request.getMethod(), path, query, request.getHeaders());
            request.setProperty(SignedOrigin.PROPERTY, SignedOrigin.of(request.getUri()));
        }
    }

    /** The path as it goes on the request line: percent-encoding kept, no query, and "/" when empty. */
    static String rawPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
