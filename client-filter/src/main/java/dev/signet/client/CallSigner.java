// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;

/**
 * What the request filter and the writer interceptor ask of a signer, whichever kind it is: a header scheme
 * with a key id ({@link OutgoingSigner}) or a webhook sender ({@link WebhookSigner}).
 */
interface CallSigner {

    /** Whether the signature depends on the body: if not, a request is signed without reading its entity. */
    boolean coversBody();

    /** Fails, naming the header, if {@code headers} already hold one this signer writes, in any spelling. */
    void refuseSchemeHeaders(MultivaluedMap<String, Object> headers);

    /** Signs a request whose body is empty, or not covered by the signature, and sets the headers. */
    void signWithoutBody(String method, String path, String query, MultivaluedMap<String, Object> headers) throws IOException;

    /** Signs a request over its serialized body, complete in {@code body}, and sets the headers. */
    void signBody(String method, String path, String query, SpooledBody body, MultivaluedMap<String, Object> headers)
            throws IOException;
}
