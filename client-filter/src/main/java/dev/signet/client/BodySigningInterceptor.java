package dev.signet.client;

import dev.signet.core.canonical.CanonicalRequest;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Signs a request over its exact serialized body. It is the outermost writer interceptor, so the bytes it
 * sees are those every other interceptor and the message body writer produced, and the next stop is the
 * connector. Headers set here are sent only if set before the first byte reaches the connector, so the body
 * is spooled, hashed, signed, and only then written through. Stateless: one instance serves every request.
 */
final class BodySigningInterceptor implements WriterInterceptor {

    private final int spoolThreshold;

    BodySigningInterceptor(int spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PendingSignature.PROPERTY) instanceof PendingSignature pending)) {
            context.proceed();
            return;
        }
        // Consumed once: if a runtime serialized the entity twice, the second pass must not sign again.
        context.removeProperty(PendingSignature.PROPERTY);
        OutputStream wire = context.getOutputStream();
        SpooledBody body = new SpooledBody(spoolThreshold);
        try {
            context.setOutputStream(body);
            context.proceed();
            // Inner interceptors (a gzip encoder) finish their stream only when it is closed, which the
            // runtime would do after this method returns: too late for the hash, so close it here.
            context.getOutputStream().close();
            CanonicalRequest request = new CanonicalRequest(pending.method(), pending.path(), body.hash());
            pending.signer().signInto(request, context.getHeaders());
            context.setProperty(SignedOrigin.PROPERTY, pending.origin());
            body.writeTo(wire);
        } finally {
            context.setOutputStream(wire);
            body.discard();
        }
    }
}
