package dev.signet.core.verification;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read access to received headers; names are matched case-insensitively. */
@FunctionalInterface
public interface HeaderSource {

    /** Every value received under {@code name}, in order; empty (never null) when there is none. */
    List<String> values(String name);

    /** A source over a map of single values, for tests and tools. */
    static HeaderSource of(Map<String, String> headers) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return name -> {
            String value = byName.get(name);
            return value == null ? List.of() : List.of(value);
        };
    }
}
