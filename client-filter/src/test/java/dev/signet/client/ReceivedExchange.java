// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the JDK test server saw of one request and what it answered. {@code body} is kept only up to
 * {@link JdkVerifyingServer#KEEP_BODY_UP_TO} bytes (null past that); the hash and length always cover it all.
 */
public record ReceivedExchange(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        String sha256, long length, byte[] body, int status, String verdict) {

    public ReceivedExchange {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
    }

    /** The single value of a header, by any spelling of its name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
