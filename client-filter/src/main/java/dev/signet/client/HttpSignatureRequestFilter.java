// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Signs a call without an entity at once; leaves one with an entity to {@link HttpSignatureInterceptor}, which
 * signs over its serialized bytes. A call that already carries a field the signature writes fails here.
 */
final class HttpSignatureRequestFilter implements ClientRequestFilter {

    static final String PENDING = "dev.signet.client.rfc9421-pending";
    static final String SIGNED = "dev.signet.client.rfc9421-signed";

    private final HttpSignatureSigner signer;

    HttpSignatureRequestFilter(HttpSignatureSigner signer) {
        this.signer = signer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getProperty(PENDING) != null || request.getProperty(SIGNED) != null) {
            return;
        }
        signer.refuseOwnHeaders(request.getHeaders());
        request.setProperty(SigningFeature.FOLLOW_REDIRECTS, false);
        String target = request.getUri().toASCIIString();
        if (request.hasEntity()) {
            request.setProperty(PENDING, new Pending(signer, request.getMethod(), target));
        } else {
            signer.signInto(request.getMethod(), target, request.getHeaders(), null);
            request.setProperty(SIGNED, true);
        }
    }

    /** A call whose signature waits for its serialized entity. */
    record Pending(HttpSignatureSigner signer, String method, String targetUri) {
    }
}
