// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.examples.keys.KeyGenerator;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code signet} command-line tool: {@code keygen}, {@code keys}, {@code sign} and {@code explain}. Each run gets its
 * clock, random source and output streams from the caller, so tests run it in-process.
 */
public final class Signet {

    public static final String USAGE = "usage: signet COMMAND [OPTIONS]\n\n"
            + indent(KeygenCommand.USAGE) + "\n" + indent(KeysCommand.USAGE) + "\n" + indent(SignCommand.USAGE) + "\n"
            + indent(ExplainCommand.USAGE)
            + "\n  Presets: " + PresetOption.names() + ".\n";

    private final Clock clock;
    private final KeyGenerator generator;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public Signet(Clock clock, KeyGenerator generator, PrintStream out, PrintStream err) {
        this(clock, generator, out, err, System.getenv());
    }

    /** With {@code environment} in place of the process's (where {@code keys} reads a database password). */
    public Signet(Clock clock, KeyGenerator generator, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.clock = clock;
        this.generator = generator;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        int status = new Signet(Clock.systemUTC(), new KeyGenerator(), System.out, System.err).run(args);
        System.exit(status);
    }

    public static boolean isCommand(String word) {
        return List.of("keygen", "keys", "sign", "explain", "help", "--help", "-h").contains(word);
    }

    /** 0 done (or explain: the request passes), 1 explain: the request is refused, 2 bad usage or input. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        String command = args[0];
        try {
            return switch (command) {
                case "keygen" -> new KeygenCommand(generator, out).run(rest);
                case "keys" -> new KeysCommand(clock, generator, environment, out).run(rest);
                case "sign" -> new SignCommand(clock, out, err).run(rest);
                case "explain" -> new ExplainCommand(clock, out).run(rest);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (StoreFailure e) {
            err.println("signet " + command + ": " + e.getMessage());
            return 2;
        } catch (UsageException e) {
            err.println("signet " + command + ": " + e.getMessage());
            err.println();
            err.print(usageOf(command));
            return 2;
        } catch (UncheckedIOException e) {
            err.println("signet " + command + ": " + e.getMessage());
            return 2;
        }
    }

    private static String usageOf(String command) {
        return switch (command) {
            case "keygen" -> "usage: signet " + KeygenCommand.USAGE;
            case "keys" -> "usage: signet " + KeysCommand.USAGE;
            case "sign" -> "usage: signet " + SignCommand.USAGE;
            case "explain" -> "usage: signet " + ExplainCommand.USAGE;
            default -> USAGE;
        };
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
    }
}
