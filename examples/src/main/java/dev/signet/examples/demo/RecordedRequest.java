// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import java.util.List;
import java.util.Map;

/** A request exactly as a client would have sent it: method, headers and body bytes. */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; never compared
record RecordedRequest(String method, Map<String, List<String>> headers, byte[] body) {

    RecordedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
