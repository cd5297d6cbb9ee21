// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import dev.signet.provider.SignetRuntime;
import dev.signet.provider.internal.ratelimit.RateLimitHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the response of a first idempotent request: its status, the headers the application and its
 * filters set (those of the current request only, {@code RateLimit}, {@code RateLimit-Policy} and
 * hop-by-hop fields, are left out), and the body's bytes as written, encoders included. Registered with
 * the lowest priority, so it is the last response filter and the outermost writer interceptor: it sees
 * the answer as it goes out. A response larger than {@code signet.idempotency.max-response-bytes} is
 * answered in full but not kept; a repeat then gets 409 (the request is not run again). A server error
 * (5xx), an exception no mapper answered, or a failed write keeps nothing: the in-flight record is
 * released by {@link IdempotencyGuard}, and a retry runs the method again.
 */
public final class IdempotencyCapture implements ContainerResponseFilter, WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyCapture.class.getName());

    /** Added to a replayed answer, as Stripe does: the response is the first request's, not this one's. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Set<String> NOT_KEPT = Set.of(RateLimitHeaders.FIELD.toLowerCase(Locale.ROOT),
            RateLimitHeaders.POLICY_FIELD.toLowerCase(Locale.ROOT), "connection", "keep-alive", "transfer-encoding",
            "te", "trailer", "upgrade", "proxy-connection");

    private final SignetRuntime runtime;

    public IdempotencyCapture(SignetRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(IdempotencyFilter.PENDING) instanceof IdempotencyFilter.Pending pending)) {
            return; // not a first request: a repeat, a refusal, or no key
        }
        pending.status().set(response.getStatus());
        if (response.getStatus() >= 500) {
            // A server error is not the operation's outcome: nothing is kept, and the key is released
            // before the answer leaves, so the client's retry runs (as when no answer was produced at all).
            request.removeProperty(IdempotencyFilter.PENDING);
            release(pending);
            return;
        }
        if (!response.hasEntity()) {
            request.removeProperty(IdempotencyFilter.PENDING);
            keep(pending, kept(response.getHeaders()), new byte[0], false);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(IdempotencyFilter.PENDING) instanceof IdempotencyFilter.Pending pending)) {
            context.proceed();
            return;
        }
        context.removeProperty(IdempotencyFilter.PENDING);
        // Recorded as not kept before the first byte of an oversized body leaves.
        Holdback body = new Holdback(context.getOutputStream(), runtime.settings().idempotencyMaxResponseBytes(),
                () -> keep(pending, List.of(), new byte[0], true));
        context.setOutputStream(body);
        context.proceed(); // on failure nothing is kept, and the guard releases the key
        byte[] held = body.held();
        if (held != null) {
            List<Map.Entry<String, String>> headers = kept(context.getHeaders());
            keep(pending, headers, held, size(headers) + held.length > body.max);
        }
        body.release(); // only now the client can see the answer, so a repeat never finds the key in flight
    }

    private void release(IdempotencyFilter.Pending pending) {
        try {
            pending.store().remove(pending.inFlight());
            runtime.idempotencyGuard().settled();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Signet: an idempotency record could not be released now; the guard tries again", e);
        }
    }

    private void keep(IdempotencyFilter.Pending pending, List<Map.Entry<String, String>> headers, byte[] body, boolean tooLarge) {
        int status = pending.status().get();
        IdempotencyRecord.Completed completed = new IdempotencyRecord.Completed(pending.fingerprint(), status, headers, body);
        IdempotencyRecord record = tooLarge || !completed.storable()
                ? new IdempotencyRecord.NotKept(pending.fingerprint(), status) : completed;
        try {
            if (!pending.store().replace(pending.inFlight(), record.encode(), runtime.settings().idempotencyRetention())) {
                LOG.fine("Signet: an idempotency record expired before its response was kept");
            }
        } catch (RuntimeException e) {
            // Answered already; the in-flight record expires, and a repeat runs again after that.
            LOG.log(Level.WARNING, "Signet: an idempotent response could not be kept", e);
        }
        runtime.idempotencyGuard().settled();
    }

    private static List<Map.Entry<String, String>> kept(MultivaluedMap<String, Object> headers) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (Object value : values) {
                    kept.add(Map.entry(name, text(value)));
                }
            }
        });
        return kept;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            RuntimeDelegate.HeaderDelegate delegate = RuntimeDelegate.getInstance().createHeaderDelegate(value.getClass());
            return delegate.toString(value);
        } catch (RuntimeException noDelegate) {
            return String.valueOf(value);
        }
    }

    private static long size(List<Map.Entry<String, String>> headers) {
        return headers.stream().mapToLong(h -> h.getKey().getBytes(StandardCharsets.UTF_8).length
                + h.getValue().getBytes(StandardCharsets.UTF_8).length + 2L).sum();
    }

    /**
     * Holds the body back, up to {@code max} bytes, until the response is kept; a larger body is passed
     * on as soon as it outgrows the limit (and then not kept).
     */
    private static final class Holdback extends OutputStream {
        private final OutputStream out;
        private final int max;
        private final Runnable onOverflow;
        private ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean closed;

        Holdback(OutputStream out, int max, Runnable onOverflow) {
            this.out = out;
            this.max = max;
            this.onOverflow = onOverflow;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (held == null) {
                out.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() > max) { // too large to keep: pass on what was held, and the rest as it comes
                onOverflow.run();
                ByteArrayOutputStream passOn = held;
                held = null;
                passOn.writeTo(out);
            }
        }

        /** The whole body, or {@code null} when it outgrew the limit. */
        byte[] held() {
            return held == null ? null : held.toByteArray();
        }

        /** Sends what was held back, and closes if the writer asked to. */
        void release() throws IOException {
            if (held != null) {
                held.writeTo(out);
                held = null;
            }
            if (closed) {
                out.close();
            }
        }

        @Override
        public void flush() throws IOException {
            if (held == null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (held == null) {
                out.close();
            } else {
                closed = true;
            }
        }
    }
}
