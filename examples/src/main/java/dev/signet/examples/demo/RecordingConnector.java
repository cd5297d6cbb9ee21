package dev.signet.examples.demo;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;

/**
 * A Jersey connector that serializes each request into memory instead of sending it, answering 204.
 * Serializing runs the client's filters and writer interceptors, the signer's included, so what it records
 * is what the client would have put on the wire: the demo's eavesdropper, who can then send it again
 * (a replay) or send it with another body (a tampered request). A connector rather than an interceptor
 * placed outside the signer, because Jersey does not order interceptors that a Feature registers by the
 * priority it gives them.
 */
final class RecordingConnector implements Connector {

    private final AtomicReference<RecordedRequest> last = new AtomicReference<>();

    @Override
    public ClientResponse apply(ClientRequest request) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (request.hasEntity()) {
            request.setStreamProvider(contentLength -> body);
            try {
                request.writeEntity();
            } catch (IOException e) {
                throw new ProcessingException(e);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getStringHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        last.set(new RecordedRequest(request.getMethod(), headers, body.toByteArray()));
        return new ClientResponse(Response.Status.NO_CONTENT, request);
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        throw new UnsupportedOperationException("the demo records synchronous calls only");
    }

    @Override
    public String getName() {
        return "signet-demo-recorder";
    }

    @Override
    public void close() {
        // nothing is open: no socket was ever made
    }

    /** The request recorded last; throws if none was. */
    RecordedRequest last() {
        RecordedRequest recorded = last.get();
        if (recorded == null) {
            throw new IllegalStateException("no request was recorded");
        }
        return recorded;
    }
}
