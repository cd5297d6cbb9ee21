// SPDX-License-Identifier: Apache-2.0
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
 * (a replay) or send it with another body (a tampered request). A connector rather than a writer
 * interceptor given a priority outside the signer's: on Jersey 3.1.11 such an interceptor did not reliably
 * run outside one that a Feature registered, so the tampering would have hit the signed bytes now and then.
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
