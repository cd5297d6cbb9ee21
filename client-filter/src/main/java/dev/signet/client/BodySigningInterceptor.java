// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Signs a request that has an entity, as late as headers can still be set. It is the outermost writer
 * interceptor, so what it sees is what every other interceptor and the message body writer produced, and
 * the next stop is the connector. Headers set here are sent only if set before the first byte reaches the
 * connector. So where the scheme signs the body, the body is spooled, hashed, signed, and only then written
 * through; where it does not, the body is never read and the request is signed just before its first byte.
 * Either way, headers inner interceptors added are seen before signing. Stateless: one instance serves
 * every request.
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
        if (pending.signer().coversBody()) {
            signOverSpooledBody(context, pending);
        } else {
            signBeforeFirstByte(context, pending);
        }
    }

    private void signOverSpooledBody(WriterInterceptorContext context, PendingSignature pending) throws IOException {
        OutputStream wire = context.getOutputStream();
        SpooledBody body = new SpooledBody(spoolThreshold);
        try {
            context.setOutputStream(body);
            context.proceed();
            // Inner interceptors (a gzip encoder) finish their stream only when it is closed, which the
            // runtime would do after this method returns: too late for the hash, so close it here.
            context.getOutputStream().close();
            pending.signer().signBody(pending.method(), pending.path(), pending.query(), body, context.getHeaders());
            context.setProperty(SignedOrigin.PROPERTY, pending.origin());
            body.writeTo(wire);
        } finally {
            context.setOutputStream(wire);
            body.discard();
        }
    }

    private static void signBeforeFirstByte(WriterInterceptorContext context, PendingSignature pending)
            throws IOException {
        OutputStream wire = context.getOutputStream();
        BeforeFirstByte guarded = new BeforeFirstByte(wire, () -> {
            pending.signer().signWithoutBody(pending.method(), pending.path(), pending.query(), context.getHeaders());
            context.setProperty(SignedOrigin.PROPERTY, pending.origin());
        });
        try {
            context.setOutputStream(guarded);
            context.proceed();
            guarded.runOnce(); // a body of no bytes
        } finally {
            context.setOutputStream(wire);
        }
    }
}
