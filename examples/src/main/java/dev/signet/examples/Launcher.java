// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples;

import dev.signet.examples.cli.Signet;
import dev.signet.examples.cli.UsageException;
import dev.signet.examples.demo.ClientCommand;
import dev.signet.examples.demo.DemoCommand;
import dev.signet.examples.demo.DemoSettings;
import dev.signet.examples.keys.KeyGenerator;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The main class of {@code signet-demo.jar}. No arguments, or {@code demo}: the demo (server, client
 * table, then serving); {@code serve}: the server alone; {@code client}: the demo client alone;
 * {@code keygen}, {@code keys}, {@code sign}, {@code explain}: the signet tool. The environment is read here and only
 * here, into {@link DemoSettings}.
 */
public final class Launcher {

    static final String USAGE = "usage: java -jar signet-demo.jar [COMMAND]\n\n"
            + "  " + DemoCommand.USAGE.replace("\n", "\n  ").stripTrailing() + "\n\n"
            + "  serve\n      Start the demo server only (the same as demo --no-client).\n\n"
            + "  " + ClientCommand.USAGE.replace("\n", "\n  ").stripTrailing() + "\n\n"
            + "  keygen | keys | sign | explain\n      The signet tool (also examples/signet); 'help' lists its options.\n";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // No exit when the demo served until the JVM began to stop: exiting then would block forever.
        new Launcher(System.getenv(), System.out, System.err).run(args).ifPresent(System::exit);
    }

    OptionalInt run(String... args) {
        String command = args.length == 0 ? "demo" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        if (Signet.isCommand(command) && !command.startsWith("-")) {
            return OptionalInt.of(new Signet(Clock.systemUTC(), new KeyGenerator(), out, err, environment).run(args));
        }
        try {
            return switch (command) {
                case "demo" -> demo(rest);
                case "serve" -> demo(concat(rest, "--no-client"));
                case "client" -> OptionalInt.of(new ClientCommand(new KeyGenerator(), out).run(rest));
                case "--help", "-h" -> {
                    out.print(USAGE);
                    yield OptionalInt.of(0);
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("signet-demo " + command + ": " + e.getMessage() + "\n");
            err.print(USAGE);
            return OptionalInt.of(2);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Bad settings, a bad key file, a port in use: the message says which; a stack trace would not help.
            err.println("signet-demo " + command + ": " + e.getMessage());
            return OptionalInt.of(2);
        }
    }

    private OptionalInt demo(List<String> words) throws UsageException {
        return new DemoCommand(DemoSettings.fromEnvironment(environment), new KeyGenerator(), out).run(words);
    }

    private static List<String> concat(List<String> words, String word) {
        List<String> all = new ArrayList<>(words);
        all.add(word);
        return all;
    }
}
