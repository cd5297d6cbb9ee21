// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.HttpMessage;
import dev.signet.core.internal.rfc9421.ResponseSignatures;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs the responses of one endpoint with the server's key (RFC 9421 section 2.4): {@code @status},
 * {@code content-digest} of the exact bytes written, and with {@code req} the request's method, target URI and
 * signature. Only a response to a request whose signature verified is signed (a refusal is not). A response
 * without an entity is signed in the response filter; one with an entity in the writer interceptor, over the
 * serialized bytes, before the first byte is sent.
 */
public final class ResponseSigningFilter implements ContainerResponseFilter, WriterInterceptor {

    /** Set by the verification filter: the label of the request's verified signature. */
    public static final String REQUEST_LABEL = "dev.signet.rfc9421.request-label";
    static final String PENDING = "dev.signet.rfc9421.response-pending";
    static final String LABEL = "signet";

    private final ResponseSigner signer;
    private final Clock clock;

    public ResponseSigningFilter(ResponseSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** What the interceptor needs of the request and response, left in the request's properties. */
    private record Pending(HttpMessage request, String requestLabel, int status) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(REQUEST_LABEL) instanceof String label)) {
            return; // refused, or answered before verification: nothing to bind to
        }
        HttpMessage signedRequest = HttpMessage.request(request.getMethod(), request.getUriInfo().getRequestUri().toString(),
                HeaderSource.ofLists(request.getHeaders()));
        if (response.hasEntity()) {
            request.setProperty(PENDING, new Pending(signedRequest, label, response.getStatus()));
            return;
        }
        sign(new Pending(signedRequest, label, response.getStatus()), response.getHeaders(), null);
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Pending pending)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            context.setOutputStream(body);
            context.proceed();
            context.getOutputStream().close();
        } finally {
            context.setOutputStream(wire);
        }
        byte[] bytes = body.toByteArray();
        ContentDigest.Hasher hasher = new ContentDigest.Hasher(Set.of(DigestAlgorithm.SHA_256));
        hasher.update(bytes, 0, bytes.length);
        sign(pending, context.getHeaders(), hasher.finish());
        wire.write(bytes);
    }

    private void sign(Pending pending, MultivaluedMap<String, Object> headers, Map<DigestAlgorithm, byte[]> digests) {
        HeaderSource fields = name -> {
            for (Map.Entry<String, List<Object>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().stream().map(String::valueOf).toList();
                }
            }
            return List.of();
        };
        ResponseSignatures.sign(pending.request(), pending.requestLabel(), pending.status(), fields, digests, LABEL,
                signer.keyId(), signer.key(), clock.instant()).forEach(headers::putSingle);
    }
}
