// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.examples.cli.Arguments;
import dev.signet.examples.cli.UsageException;
import dev.signet.examples.keys.KeyGenerator;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code demo}: starts the server, runs the demo client against it, prints the table, then serves until
 * the JVM is stopped. {@code --exit} stops after the table instead (exit status 0 when every cell is what
 * the presets' documents say), which is what CI and tests run; {@code --no-client} only serves.
 */
public final class DemoCommand {

    public static final String USAGE = """
            demo [--exit] [--no-client]
                Start the demo server (SIGNET_DEMO_HOST, default 127.0.0.1; SIGNET_DEMO_PORT, default 8080;
                SIGNET_DEMO_KEYS, a JSON key file, default: keys generated and printed once), call it under
                every preset with the demo client, print the outcomes, then serve until Ctrl-C.
                --exit       stop after the table; exit status 1 if any outcome contradicts its preset's document
                --no-client  only serve (the same as 'serve')
            """;

    private final DemoSettings settings;
    private final KeyGenerator generator;
    private final PrintStream out;

    public DemoCommand(DemoSettings settings, KeyGenerator generator, PrintStream out) {
        this.settings = settings;
        this.generator = generator;
        this.out = out;
    }

    /** The exit status, or empty when it served until the JVM began to shut down (there is nothing left to exit then). */
    public OptionalInt run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, Set.of("exit", "no-client"), Set.of());
        boolean exitAfterTable = arguments.has("exit");
        boolean runClient = !arguments.has("no-client");
        if (exitAfterTable && !runClient) {
            throw new UsageException("--exit with --no-client would start a server only to stop it");
        }
        DemoLogging.quietLibraries();
        DemoKeys keys = settings.keysFile().map(DemoKeys::load).orElseGet(() -> DemoKeys.generate(generator));
        DemoServer server = DemoServer.start(settings, keys.repository());
        boolean asDocumented = true;
        try {
            out.println(DemoBanner.render(server.baseUri(), keys, settings.keysFile()));
            if (runClient) {
                out.println("Demo client: POST /{preset}/echo under every preset, signed by the client filter as "
                        + keys.clientKey().id() + "\n");
                try (DemoClient client = new DemoClient(server.baseUri(), keys.clientKey(), generator)) {
                    DemoReport report = client.run();
                    asDocumented = report.asDocumented();
                    out.println(ReportTable.render(report));
                }
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        if (exitAfterTable) {
            server.close();
            return OptionalInt.of(asDocumented ? 0 : 1);
        }
        out.println(DemoBanner.tryIt(server.baseUri(), keys, settings.keysFile()));
        out.println("Serving on " + server.baseUri() + " until Ctrl-C.");
        out.flush();
        serveUntilShutdown(server);
        return OptionalInt.empty();
    }

    private static void serveUntilShutdown(DemoServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "signet-demo-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
