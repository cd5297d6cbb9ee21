// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.crypto.PemKeys;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.keys.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
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
                   [--rate-limit PER_MINUTE] [--algorithm ALG [--private-key-out FILE]]
                Make a new key id and secret and append the key to FILE, the JSON key file that the
                provider and the demo server read (created, owner-only, if missing). The secret is shown
                this once; afterwards only the file holds it. The demo's endpoints ask for the scopes
                demo:read and demo:write.
                --algorithm makes an RFC 9421 key pair instead (ed25519, ecdsa-p256-sha256,
                ecdsa-p384-sha384, rsa-pss-sha512, rsa-v1_5-sha256; hmac-sha256 is the secret above):
                FILE gets the public half, and the private half (PKCS#8 PEM) is printed this once, or
                written owner-only to --private-key-out. Sign with it: signet sign --preset rfc9421
                --key-id ID --algorithm ALG --private-key FILE.
            """;

    private static final Set<String> OPTIONS = Set.of("keys", "id", "scope", "tenant", "allowed-ip", "rate-limit",
            "algorithm", "private-key-out");

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
        Optional<SignatureAlgorithm> algorithm = algorithm(arguments);
        KeyPair pair = algorithm.map(KeygenCommand::generate).orElse(null);

        JsonObjectBuilder key = Json.createObjectBuilder().add("id", id);
        if (pair == null) {
            key.add("secret", secret);
        } else {
            key.add("algorithm", algorithm.get().rfcName()).add("publicKey", PemKeys.toPem(pair.getPublic()));
        }
        key.add("status", "active");
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
        Optional<String> privateOut = arguments.value("private-key-out");
        if (privateOut.isPresent() && pair == null) {
            throw new UsageException("--private-key-out goes with --algorithm (an RFC 9421 key pair)");
        }
        if (pair != null && privateOut.isPresent()) {
            writeOwnerOnly(Path.of(privateOut.get()), PemKeys.toPem(pair.getPrivate()));
        }
        KeyFileWriter.append(file, key.build());

        if (pair != null) {
            out.println("Added key " + id + " (" + algorithm.get().rfcName() + ", public half) to " + file + ".");
            out.println();
            out.println("  key id     " + id);
            out.println("  algorithm  " + algorithm.get().rfcName());
            out.println("  scopes     " + (scopes.isEmpty() ? "(none)" : String.join(" ", scopes)));
            out.println();
            if (privateOut.isPresent()) {
                out.println("Its private key is in " + privateOut.get() + " (owner-only); keep it with the client.");
            } else {
                out.println("Its private key, shown this once (keep it with the client):");
                out.print(PemKeys.toPem(pair.getPrivate()));
            }
            return 0;
        }
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

    /** {@code --algorithm}: an asymmetric algorithm of RFC 9421's registry; hmac-sha256 (or none) makes a secret. */
    private static Optional<SignatureAlgorithm> algorithm(Arguments arguments) throws UsageException {
        Optional<String> text = arguments.value("algorithm");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.named(text.get());
            return algorithm.symmetric() ? Optional.empty() : Optional.of(algorithm);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static KeyPair generate(SignatureAlgorithm algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
                case ECDSA_P256_SHA256, ECDSA_P384_SHA384 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(
                            algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"));
                }
                default -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(3072);
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a " + algorithm.rfcName() + " key pair", e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws UsageException {
        try {
            if (Files.exists(file)) {
                throw new UsageException(file + " exists: a private key is never overwritten");
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UsageException("cannot write --private-key-out " + file + ": " + e.getMessage());
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
