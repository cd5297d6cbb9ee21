// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.sf;

/** A field value that is not a valid Structured Field, or a value that cannot be serialized as one. */
public final class StructuredFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public StructuredFieldException(String message) {
        super(message);
    }
}
