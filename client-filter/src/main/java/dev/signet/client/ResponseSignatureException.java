// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import jakarta.ws.rs.ProcessingException;

/**
 * A response to a signed call whose RFC 9421 signature is missing or does not hold (see
 * {@link HttpSignatureFeature.Builder#verifyResponses}): the call fails with this, naming what failed, never
 * a key or a signature.
 */
public final class ResponseSignatureException extends ProcessingException {

    private static final long serialVersionUID = 1L;

    ResponseSignatureException(String message) {
        super(message);
    }
}
