// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.KeyStatus;
import dev.signet.core.keys.Secret;
import dev.signet.examples.keys.KeyGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code signet keys list | add | rotate | revoke | disable | enable}: the key lifecycle, on the JSON key
 * file ({@code --keys FILE}) or on the JDBC tables ({@code --jdbc-url URL}). Nothing prints a secret except
 * {@code add} and {@code rotate}, once, for the secret they just made.
 */
final class KeysCommand {

    static final String USAGE = """
            keys list|add|rotate|revoke|disable|enable STORE [OPTIONS]
                STORE is --keys FILE (the JSON key file) or --jdbc-url URL [--jdbc-user USER]
                [--jdbc-password-file FILE | --jdbc-password-env VAR] (the JDBC key tables; the password
                is read from $SIGNET_JDBC_PASSWORD unless a file or another variable is named).
                list                      every key: id, status, secrets (how many, and when they end; never
                                          their value), scopes, tenant, rate limit, expiry, networks
                add [--id ID] [--scope SCOPE ...] [--tenant TENANT] [--allowed-ip CIDR ...]
                    [--rate-limit PER_MINUTE] [--expires INSTANT]
                                          a new key; its secret is shown this once
                rotate --id ID [--grace DURATION]
                                          a new secret signs from now; the previous ones keep verifying for
                                          DURATION (default 24h; 90m, 3600s, 7d, 0 for an immediate cut)
                                          and then stop; the new secret is shown this once
                revoke --id ID            refused from now on, for good
                disable --id ID           refused until enable --id ID
            """;

    private static final Set<String> STORE_OPTIONS = Set.of("keys", "jdbc-url", "jdbc-user", "jdbc-password-file",
            "jdbc-password-env");
    private static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private final Clock clock;
    private final KeyGenerator generator;
    private final Map<String, String> environment;
    private final PrintStream out;

    KeysCommand(Clock clock, KeyGenerator generator, Map<String, String> environment, PrintStream out) {
        this.clock = clock;
        this.generator = generator;
        this.environment = environment;
        this.out = out;
    }

    int run(List<String> words) throws UsageException {
        if (words.isEmpty()) {
            throw new UsageException("which one: list, add, rotate, revoke, disable or enable?");
        }
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        return switch (action) {
            case "list" -> list(parse(rest));
            case "add" -> add(parse(rest, "id", "scope", "tenant", "allowed-ip", "rate-limit", "expires"));
            case "rotate" -> rotate(parse(rest, "id", "grace"));
            case "revoke" -> status(parse(rest, "id"), KeyStatus.REVOKED, "Revoked", "refused from now on, for good");
            case "disable" -> status(parse(rest, "id"), KeyStatus.DISABLED, "Disabled",
                    "refused until 'signet keys enable'");
            case "enable" -> status(parse(rest, "id"), KeyStatus.ACTIVE, "Enabled", "accepted again");
            default -> throw new UsageException("unknown keys action '" + action + "'");
        };
    }

    private static Arguments parse(List<String> words, String... options) throws UsageException {
        Set<String> all = new HashSet<>(STORE_OPTIONS);
        all.addAll(List.of(options));
        return Arguments.parse(words, Set.of(), all);
    }

    private KeyStore store(Arguments arguments) throws UsageException {
        boolean file = arguments.value("keys").isPresent();
        boolean jdbc = arguments.value("jdbc-url").isPresent();
        if (file == jdbc) {
            throw new UsageException("name one store: --keys FILE or --jdbc-url URL");
        }
        if (file) {
            for (String jdbcOnly : List.of("jdbc-user", "jdbc-password-file", "jdbc-password-env")) {
                if (arguments.value(jdbcOnly).isPresent()) {
                    throw new UsageException("--" + jdbcOnly + " goes with --jdbc-url");
                }
            }
            return new KeyFileStore(Path.of(arguments.required("keys")));
        }
        return JdbcKeyStoreOptions.open(arguments, environment);
    }

    private int list(Arguments arguments) throws UsageException {
        KeyStore store = store(arguments);
        List<ApiKey> keys = store.list();
        Instant now = clock.instant();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "STATUS", "SECRETS", "SCOPES", "TENANT", "RATE/MIN", "EXPIRES", "NETWORKS"});
        for (ApiKey key : keys) {
            rows.add(new String[] {key.id(), status(key, now), secrets(key, now),
                    key.scopes().isEmpty() ? "-" : key.scopes().stream().sorted().collect(Collectors.joining(",")),
                    key.tenant() == null ? "-" : key.tenant(),
                    key.rateLimitPerMinute() == 0 ? "default" : String.valueOf(key.rateLimitPerMinute()),
                    key.expiresAt() == null ? "never" : key.expiresAt().toString(),
                    key.allowedIps().isEmpty() ? "any" : key.allowedIps().stream().map(Object::toString)
                            .collect(Collectors.joining(","))});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(keys.size() + (keys.size() == 1 ? " key" : " keys") + " in " + store.describe());
        return 0;
    }

    private static String status(ApiKey key, Instant now) {
        String status = key.status().name().toLowerCase(Locale.ROOT);
        return key.status() == KeyStatus.ACTIVE && key.isExpiredAt(now) ? "expired" : status;
    }

    /** How many secrets verify now and when the ending ones end; never a value. */
    private static String secrets(ApiKey key, Instant now) {
        if (key.publicKey() != null && key.secrets().isEmpty()) {
            return key.publicKey().algorithm().rfcName() + " public key";
        }
        List<Secret> valid = key.secretsValidAt(now);
        List<String> ends = valid.stream().filter(s -> s.notAfter() != null).map(s -> "until " + s.notAfter()).toList();
        String text = valid.size() + (ends.isEmpty() ? "" : " (" + String.join(", ", ends) + ")");
        int ended = key.secrets().size() - valid.size();
        return ended == 0 ? text : text + " +" + ended + " ended";
    }

    private int add(Arguments arguments) throws UsageException {
        KeyStore store = store(arguments);
        String id = arguments.value("id").orElseGet(() -> generator.newId("key"));
        if (!id.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new UsageException("a key id is visible ASCII without spaces: it travels in a header");
        }
        String secret = generator.newSecret();
        ApiKey key;
        try {
            ApiKey.Builder b = ApiKey.builder(id).secret(secret).tenant(arguments.value("tenant").orElse(null))
                    .rateLimitPerMinute(rateLimit(arguments));
            arguments.all("scope").forEach(b::scope);
            arguments.all("allowed-ip").forEach(b::allowedIp);
            Optional<String> expires = arguments.value("expires");
            if (expires.isPresent()) {
                b.expiresAt(Instant.parse(expires.get()));
            }
            key = b.build();
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires takes an instant such as 2027-01-31T00:00:00Z");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        store.add(key);
        out.println("Added key " + id + " to " + store.describe() + "; " + store.whenServersSeeIt() + ".");
        out.println("Its secret, shown this once:");
        out.println();
        out.println("  key id  " + id);
        out.println("  secret  " + secret);
        out.println("  scopes  " + (key.scopes().isEmpty() ? "(none)" : String.join(" ", key.scopes().stream().sorted().toList())));
        return 0;
    }

    private int rotate(Arguments arguments) throws UsageException {
        KeyStore store = store(arguments);
        String id = arguments.required("id");
        Duration grace = grace(arguments.value("grace"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant oldNotAfter = now.plus(grace);
        String secret = generator.newSecret();
        store.rotate(id, secret, oldNotAfter, now);
        out.println("Rotated key " + id + " in " + store.describe() + "; " + store.whenServersSeeIt() + ".");
        out.println("Sign with the new secret from now on; the previous secret verifies until " + oldNotAfter
                + " and then stops. The new secret, shown this once:");
        out.println();
        out.println("  key id  " + id);
        out.println("  secret  " + secret);
        return 0;
    }

    private int status(Arguments arguments, KeyStatus status, String done, String meaning) throws UsageException {
        KeyStore store = store(arguments);
        String id = arguments.required("id");
        store.setStatus(id, status);
        out.println(done + " key " + id + " in " + store.describe() + ": " + meaning + "; " + store.whenServersSeeIt() + ".");
        return 0;
    }

    private static int rateLimit(Arguments arguments) throws UsageException {
        Optional<String> text = arguments.value("rate-limit");
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--rate-limit takes a number of requests per minute");
        }
    }

    /** 24h, 90m, 3600s, 7d, 0, or an ISO-8601 duration (PT12H). */
    static Duration grace(Optional<String> text) throws UsageException {
        if (text.isEmpty()) {
            return DEFAULT_GRACE;
        }
        String t = text.get().trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.equals("0")) {
                d = Duration.ZERO;
            } else if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new NumberFormatException();
                };
            }
            if (d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0) {
                throw new UsageException("--grace is from 0 to 365d");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new UsageException("--grace takes a duration such as 24h, 90m, 3600s, 7d or 0");
        }
    }
}
