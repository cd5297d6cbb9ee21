// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

/** A covered component that cannot be produced from the message: named, so a refusal can say which. */
public final class ComponentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String component;

    public ComponentException(ComponentId component, String why) {
        super(component == null ? why : component.serialized() + ": " + why);
        this.component = component == null ? null : component.serialized();
    }

    /** The serialized identifier, or null when the problem is the base as a whole. */
    public String component() {
        return component;
    }
}
