// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers to add to a request, in the order the scheme's document lists them. Contains no secret. */
public record SignedHeaders(Map<String, String> headers) {

    public SignedHeaders {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String get(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
