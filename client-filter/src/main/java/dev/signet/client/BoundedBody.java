// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.client.ClientResponseContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;

/**
 * Reads a response body in a response filter without taking it from the caller: what was read is put back
 * in front of the rest. Reads at most a limit, so a large or endless body costs no more than that.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The whole body if it has at most {@code limit} bytes; empty if it is longer or there is none. */
    static Optional<byte[]> peek(ClientResponseContext response, int limit) throws IOException {
        if (!response.hasEntity()) {
            return Optional.empty();
        }
        InputStream rest = response.getEntityStream();
        byte[] head = rest.readNBytes(limit + 1);
        response.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), rest));
        return head.length > limit ? Optional.empty() : Optional.of(head);
    }
}
