// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

/** The command line asks for something the command cannot do: the caller gets the message and the usage. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
