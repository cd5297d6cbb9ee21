// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A curl command line for one signed request, for a POSIX shell. The body goes with
 * {@code --data-binary}, which sends bytes unchanged (plain {@code -d} strips newlines and would break
 * the body hash), and from the file itself when the body came from one.
 */
final class CurlCommand {

    private CurlCommand() {
    }

    static String render(String method, String url, Map<String, String> headers, Optional<BodyOptions> body) {
        String methodOption = method.equals("GET") && body.isEmpty() ? "" : "-X " + Shell.quote(method) + " ";
        List<String> words = new ArrayList<>(List.of("curl -sS -i " + methodOption + Shell.quote(url)));
        headers.forEach((name, value) -> words.add("-H " + Shell.quote(name + ": " + value)));
        body.ifPresent(b -> words.add("--data-binary " + b.file()
                .map(path -> Shell.quote("@" + path))
                .orElseGet(() -> Shell.quote(new String(b.bytes(), StandardCharsets.UTF_8)))));
        return String.join(" \\\n  ", words);
    }
}
