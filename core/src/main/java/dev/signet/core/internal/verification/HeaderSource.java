// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to received headers, names matched case-insensitively. The one header lookup of Signet: the
 * server and the client adapt their containers' header maps through {@link #ofLists(Map)}.
 */
@FunctionalInterface
public interface HeaderSource {

    /** Every value received under {@code name}, in order; empty (never null) when there is none. */
    List<String> values(String name);

    /** The one value of {@code name}, or {@code null} when it is absent or sent more than once. */
    default String single(String name) {
        List<String> values = values(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    /**
     * A source over a container's header map. Containers usually key it case-insensitively already; when
     * the exact name is absent, the names are compared ignoring case, so no container's habit matters.
     */
    static HeaderSource ofLists(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = headers.get(name);
            if (values != null) {
                return values;
            }
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue() == null ? List.of() : e.getValue();
                }
            }
            return List.of();
        };
    }

    /** A source over single values, for tests and tools. */
    static HeaderSource of(Map<String, String> headers) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return name -> {
            String value = byName.get(name);
            return value == null ? List.of() : List.of(value);
        };
    }
}
