// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.keys.jdbc;

/**
 * The key store could not answer or refused a change. Its message names the key and the operation, never a
 * secret; the SQL error, when there is one, is the cause. While a request is verified this refuses it (503).
 */
public final class KeyStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
