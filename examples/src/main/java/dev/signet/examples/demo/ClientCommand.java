// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.keys.ApiKey;
import dev.signet.examples.cli.Arguments;
import dev.signet.examples.cli.SigningKeyOptions;
import dev.signet.examples.cli.UsageException;
import dev.signet.examples.keys.KeyGenerator;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** {@code client}: the demo client alone, against a demo server that is already running. */
public final class ClientCommand {

    public static final String USAGE = """
            client --url URL (--keys FILE [--key-id ID] | --key-id ID --secret SECRET)
                Run the demo client against a running demo server and print the table.
                Exit status 1 if any outcome contradicts its preset's document.
            """;

    private final KeyGenerator generator;
    private final PrintStream out;

    public ClientCommand(KeyGenerator generator, PrintStream out) {
        this.generator = generator;
        this.out = out;
    }

    public int run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, Set.of(), Set.of("url", "keys", "key-id", "secret"));
        URI base = URI.create(stripTrailingSlash(arguments.required("url")));
        ApiKey key = SigningKeyOptions.resolve(arguments);
        DemoLogging.quietLibraries();
        try (DemoClient client = new DemoClient(base, key, generator)) {
            DemoReport report = client.run();
            out.println(ReportTable.render(report));
            return report.asDocumented() ? 0 : 1;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
