// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.keys.ApiKey;
import dev.signet.examples.keys.KeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code signet keygen}: a new key id and secret, appended to a key file and shown once. */
final class KeygenCommand {

    static final String USAGE = """
            keygen --keys FILE [--id ID] [--scope SCOPE ...] [--tenant TENANT] [--allowed-ip CIDR ...]
                   [--rate-limit PER_MINUTE]
                Make a new key id and secret and append the key to FILE, the JSON key file that the
                provider and the demo server read (created, owner-only, if missing). The secret is shown
                this once; afterwards only the file holds it. The demo's endpoints ask for the scopes
                demo:read and demo:write.
            """;

    private static final Set<String> OPTIONS = Set.of("keys", "id", "scope", "tenant", "allowed-ip", "rate-limit");

    private final KeyGenerator generator;
    private final PrintStream out;

    KeygenCommand(KeyGenerator generator, PrintStream out) {
        this.generator = generator;
        this.out = out;
    }

    int run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, Set.of(), OPTIONS);
        Path file = Path.of(arguments.required("keys"));
        String id = arguments.value("id").orElseGet(() -> generator.newId("key"));
        String secret = generator.newSecret();
        List<String> scopes = arguments.all("scope");
        List<String> allowedIps = arguments.all("allowed-ip");
        Optional<String> tenant = arguments.value("tenant");
        int rateLimit = rateLimit(arguments);
        validate(id, secret, scopes, allowedIps, tenant, rateLimit);

        JsonObjectBuilder key = Json.createObjectBuilder().add("id", id).add("secret", secret).add("status", "active");
        if (!scopes.isEmpty()) {
            key.add("scopes", array(scopes));
        }
        if (!allowedIps.isEmpty()) {
            key.add("allowedIps", array(allowedIps));
        }
        tenant.ifPresent(t -> key.add("tenant", t));
        if (rateLimit > 0) {
            key.add("rateLimitPerMinute", rateLimit);
        }
        KeyFileWriter.append(file, key.build());

        out.println("Added key " + id + " to " + file + ". Its secret, shown this once:");
        out.println();
        out.println("  key id  " + id);
        out.println("  secret  " + secret);
        out.println("  scopes  " + (scopes.isEmpty() ? "(none)" : String.join(" ", scopes)));
        return 0;
    }

    /** The same rules the server applies when it reads the file, checked before anything is written. */
    private static void validate(String id, String secret, List<String> scopes, List<String> allowedIps,
            Optional<String> tenant, int rateLimit) throws UsageException {
        if (!id.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new UsageException("a key id is visible ASCII without spaces: it travels in a header");
        }
        try {
            ApiKey.Builder key = ApiKey.builder(id).secret(secret).rateLimitPerMinute(rateLimit).tenant(tenant.orElse(null));
            scopes.forEach(key::scope);
            allowedIps.forEach(key::allowedIp);
            key.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int rateLimit(Arguments arguments) throws UsageException {
        Optional<String> text = arguments.value("rate-limit");
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--rate-limit takes a number of requests per minute");
        }
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
