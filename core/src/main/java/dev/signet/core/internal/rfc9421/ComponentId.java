// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A component identifier (RFC 9421 section 2): a lowercase field name or a derived component name
 * ({@code @method}, ...) with its parameters, in order. Two identifiers are the same when their
 * serializations are.
 */
public final class ComponentId {

    private static final Set<String> PARAMS = Set.of("sf", "key", "bs", "req", "tr", "name");
    static final Set<String> DERIVED = Set.of("@method", "@target-uri", "@authority", "@scheme", "@request-target",
            "@path", "@query", "@query-param", "@status");

    private final String name;
    private final Map<String, Object> params;
    private final String serialized;

    private ComponentId(String name, Map<String, Object> params) {
        this.name = name;
        this.params = Map.copyOf(params);
        this.serialized = StructuredFields.serializeItem(new Item(name, params));
    }

    /** A component without parameters: {@code "@method"}, {@code "content-digest"}. */
    public static ComponentId of(String name) {
        return from(new Item(name, Map.of()));
    }

    /** {@code "@query-param";name="..."}, the name given in its encoded form. */
    public static ComponentId queryParam(String encodedName) {
        return from(new Item("@query-param", Map.of("name", encodedName)));
    }

    /** Parses a serialized identifier, such as {@code "example-dict";key="a"}. */
    public static ComponentId parse(String serialized) {
        return from(StructuredFields.parseItem(serialized));
    }

    /** The identifier an Inner List item of Signature-Input holds; fails on anything RFC 9421 does not allow. */
    public static ComponentId from(Item item) {
        if (!(item.value() instanceof String name)) {
            throw new StructuredFieldException("a component identifier is a String");
        }
        if (name.isEmpty() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new StructuredFieldException("component name '" + name + "' is not lowercase");
        }
        if (name.startsWith("@") && !DERIVED.contains(name)) {
            throw new StructuredFieldException("unknown derived component " + name);
        }
        if (name.equals("@signature-params")) {
            throw new StructuredFieldException("@signature-params cannot be covered");
        }
        Map<String, Object> params = new LinkedHashMap<>(item.params());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (!PARAMS.contains(p.getKey())) {
                throw new StructuredFieldException("unknown component parameter " + p.getKey() + " on " + name);
            }
            boolean text = p.getKey().equals("key") || p.getKey().equals("name");
            if (text ? !(p.getValue() instanceof String) : !Boolean.TRUE.equals(p.getValue())) {
                throw new StructuredFieldException("bad value of parameter " + p.getKey() + " on " + name);
            }
        }
        if (params.containsKey("name") != name.equals("@query-param")) {
            throw new StructuredFieldException("@query-param, and only it, takes a name parameter");
        }
        if (name.startsWith("@") && (params.containsKey("sf") || params.containsKey("key") || params.containsKey("bs")
                || params.containsKey("tr"))) {
            throw new StructuredFieldException("sf, key, bs and tr apply to fields, not to " + name);
        }
        if (params.containsKey("bs") && (params.containsKey("sf") || params.containsKey("key"))) {
            throw new StructuredFieldException("bs cannot be combined with sf or key");
        }
        return new ComponentId(name, params);
    }

    public String name() {
        return name;
    }

    public boolean isDerived() {
        return name.startsWith("@");
    }

    public boolean has(String param) {
        return params.containsKey(param);
    }

    public String param(String param) {
        Object value = params.get(param);
        return value instanceof String s ? s : null;
    }

    /** The identifier as an Inner List item. */
    public Item toItem() {
        return StructuredFields.parseItem(serialized);
    }

    /** The strict serialization, as it starts a signature base line. */
    public String serialized() {
        return serialized;
    }

    /** The identifier without {@code req}: what it names in the request a response answers. */
    public ComponentId withoutReq() {
        Map<String, Object> p = new LinkedHashMap<>(toItem().params());
        p.remove("req");
        return new ComponentId(name, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentId c && c.serialized.equals(serialized);
    }

    @Override
    public int hashCode() {
        return serialized.hashCode();
    }

    @Override
    public String toString() {
        return serialized;
    }

    static ComponentId requireNonNull(ComponentId c) {
        return Objects.requireNonNull(c, "component");
    }
}
