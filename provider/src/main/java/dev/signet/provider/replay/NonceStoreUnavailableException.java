// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.replay;

/** The replay store could not answer (a node down, a timeout): the request must be refused. */
public class NonceStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonceStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
