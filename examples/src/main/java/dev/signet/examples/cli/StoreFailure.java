// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

/** The key store refused or failed an operation: the message is the whole answer (no usage text). */
final class StoreFailure extends UsageException {

    private static final long serialVersionUID = 1L;

    StoreFailure(String message) {
        super(message);
    }
}
