// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.internal.rfc9421.ContentDigest;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Signs a call with an entity over its exact serialized bytes: the outermost writer interceptor spools what
 * every inner interceptor and the body writer produced while digesting it, sets Content-Digest,
 * Signature-Input and Signature, and only then writes the bytes through. Stateless.
 */
final class HttpSignatureInterceptor implements WriterInterceptor {

    private final int spoolThreshold;

    HttpSignatureInterceptor(int spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(HttpSignatureRequestFilter.PENDING) instanceof HttpSignatureRequestFilter.Pending pending)) {
            context.proceed();
            return;
        }
        context.removeProperty(HttpSignatureRequestFilter.PENDING); // a second serialization must not sign again
        OutputStream wire = context.getOutputStream();
        SpooledBody body = new SpooledBody(spoolThreshold);
        ContentDigest.Hasher digest = new ContentDigest.Hasher(Set.of(pending.signer().digestAlgorithm()));
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                digest.update(bytes, offset, length);
                body.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                body.close();
            }
        };
        try {
            context.setOutputStream(tee);
            context.proceed();
            context.getOutputStream().close(); // inner encoders (gzip) finish only when closed
            pending.signer().signInto(pending.method(), pending.targetUri(), context.getHeaders(), digest.finish());
            context.setProperty(HttpSignatureRequestFilter.SIGNED, true);
            body.writeTo(wire);
        } finally {
            context.setOutputStream(wire);
            body.discard();
        }
    }
}
