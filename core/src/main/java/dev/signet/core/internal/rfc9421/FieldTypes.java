// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which fields are Structured Fields of which type, for the {@code sf} and {@code key} parameters
 * (RFC 9421 section 2.1.1: a field is re-serialized only when its type is known). Immutable.
 */
public final class FieldTypes {

    /** The top-level types of RFC 9651. */
    public enum Type { DICTIONARY, LIST, ITEM }

    /** The fields these RFCs define, and the structured fields registered as such. */
    public static final FieldTypes DEFAULT = new FieldTypes(new TreeMap<>(Map.ofEntries(
            Map.entry("signature-input", Type.DICTIONARY),
            Map.entry("signature", Type.DICTIONARY),
            Map.entry("accept-signature", Type.DICTIONARY),
            Map.entry("content-digest", Type.DICTIONARY),
            Map.entry("repr-digest", Type.DICTIONARY),
            Map.entry("want-content-digest", Type.DICTIONARY),
            Map.entry("want-repr-digest", Type.DICTIONARY),
            Map.entry("priority", Type.DICTIONARY),
            Map.entry("cdn-cache-control", Type.DICTIONARY),
            Map.entry("cache-status", Type.LIST),
            Map.entry("proxy-status", Type.LIST),
            Map.entry("accept-ch", Type.LIST),
            Map.entry("client-cert", Type.ITEM),
            Map.entry("client-cert-chain", Type.LIST),
            Map.entry("cross-origin-embedder-policy", Type.ITEM),
            Map.entry("cross-origin-opener-policy", Type.ITEM),
            Map.entry("origin-agent-cluster", Type.ITEM))));

    private final Map<String, Type> types;

    private FieldTypes(Map<String, Type> types) {
        this.types = types;
    }

    /** These types plus {@code name} as {@code type}. */
    public FieldTypes with(String name, Type type) {
        TreeMap<String, Type> copy = new TreeMap<>(types);
        copy.put(name.toLowerCase(Locale.ROOT), type);
        return new FieldTypes(copy);
    }

    public Optional<Type> of(String lowercaseName) {
        return Optional.ofNullable(types.get(lowercaseName));
    }
}
