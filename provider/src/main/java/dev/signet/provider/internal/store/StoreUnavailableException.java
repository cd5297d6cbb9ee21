// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.store;

/** The shared store could not answer (a node down, a split, a timeout): the request must be refused. */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
