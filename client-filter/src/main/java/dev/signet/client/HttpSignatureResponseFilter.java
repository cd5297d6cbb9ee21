// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.internal.rfc9421.HttpMessage;
import dev.signet.core.internal.rfc9421.HttpSignatures;
import dev.signet.core.internal.rfc9421.ResponseSignatures;
import dev.signet.core.internal.rfc9421.VerificationKey;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Verifies the server's RFC 9421 signature on a response to a call this feature signed: a signature by the
 * server's key id covering {@code @status}, {@code content-digest} of the content, and with {@code req} the
 * call's method, target URI and signature; made within five minutes. Every 1xx to 3xx response must carry
 * one, and any response that carries a Signature must verify; a 4xx or 5xx without one (the server's own
 * refusals are not signed) passes as it is. A failure fails the call with {@link ResponseSignatureException}.
 * The content is read into memory to be digested, then handed on unchanged.
 */
final class HttpSignatureResponseFilter implements ClientResponseFilter {

    private final String serverKeyId;
    private final VerificationKey serverKey;
    private final String requestLabel;
    private final Clock clock;

    HttpSignatureResponseFilter(String serverKeyId, VerificationKey serverKey, String requestLabel, Clock clock) {
        this.serverKeyId = serverKeyId;
        this.serverKey = serverKey;
        this.requestLabel = requestLabel;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (request.getProperty(HttpSignatureRequestFilter.SIGNED) == null) {
            return; // not a call this feature signed
        }
        boolean signed = response.getHeaders().containsKey(HttpSignatures.SIGNATURE)
                || response.getHeaders().keySet().stream().anyMatch(HttpSignatures.SIGNATURE::equalsIgnoreCase);
        if (!signed && response.getStatus() >= 400) {
            return;
        }
        byte[] content = new byte[0];
        if (response.hasEntity()) {
            content = response.getEntityStream().readAllBytes();
            response.setEntityStream(new ByteArrayInputStream(content));
        }
        HttpMessage call = HttpMessage.request(request.getMethod(), request.getUri().toASCIIString(),
                HeaderSource.ofLists(request.getStringHeaders()));
        HttpMessage answer = HttpMessage.response(response.getStatus(), HeaderSource.ofLists(response.getHeaders()), call);
        Optional<String> problem = ResponseSignatures.verify(answer, requestLabel, content, serverKeyId, serverKey, clock.instant());
        if (problem.isPresent()) {
            throw new ResponseSignatureException(request.getMethod() + " " + request.getUri() + " answered "
                    + response.getStatus() + ": " + problem.get());
        }
    }
}
