// SPDX-License-Identifier: Apache-2.0
package dev.signet.client.microprofile;

import dev.signet.client.SigningFeature;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The signing feature for MicroProfile Rest Client, configured by MicroProfile Config:
 *
 * <pre>
 * # a preset name
 * signet.client.scheme=canonical-nonce
 * signet.client.key-id=sk_live_abc123def456
 * # or signet.client.secret=... (exactly one of the two; a file keeps the secret out of the configuration)
 * signet.client.secret-file=/run/secrets/partner-api
 * </pre>
 *
 * Register it on a typed client interface with {@code @RegisterProvider(MicroProfileSigningFeature.class)}, or
 * without touching the interface through MicroProfile Rest Client's own configuration,
 * {@code <interface or configKey>/mp-rest/providers=dev.signet.client.microprofile.MicroProfileSigningFeature}.
 * Settings are read when the client is built. A missing or bad setting fails the build of the client with
 * an {@link IllegalStateException} naming the setting, never showing a secret.
 *
 * <p>Two partners with two keys: subclass with another prefix,
 * {@code public class PartnerB extends MicroProfileSigningFeature { public PartnerB() { super("partner-b.signet"); } }},
 * and set {@code partner-b.signet.scheme}, {@code .key-id}, {@code .secret-file}.
 *
 * <p>Needs the MicroProfile Config API at run time (every MicroProfile server has it); the rest of the
 * client filter does not.
 */
public class MicroProfileSigningFeature extends SigningFeature {

    /** The prefix of the settings this class reads: {@code signet.client}. */
    public static final String PREFIX = "signet.client";

    public MicroProfileSigningFeature() {
        this(PREFIX);
    }

    /** For subclasses with their own settings: {@code prefix.scheme}, {@code prefix.key-id}, {@code prefix.secret(-file)}. */
    protected MicroProfileSigningFeature(String prefix) {
        super(fromConfig(ConfigProvider.getConfig(), prefix));
    }

    /** The feature that the settings under {@code prefix} in {@code config} describe. */
    public static SigningFeature fromConfig(Config config, String prefix) {
        String schemeName = required(config, prefix + ".scheme");
        Scheme scheme = Presets.byName(schemeName).orElseThrow(() -> new IllegalStateException("Signet client setting "
                + prefix + ".scheme=" + schemeName + " is not a preset; the presets are "
                + Presets.all().stream().map(Scheme::name).collect(Collectors.joining(", "))));
        String keyId = required(config, prefix + ".key-id");
        Optional<String> secret = config.getOptionalValue(prefix + ".secret", String.class).filter(s -> !s.isBlank());
        Optional<String> secretFile = config.getOptionalValue(prefix + ".secret-file", String.class).filter(s -> !s.isBlank());
        if (secret.isPresent() == secretFile.isPresent()) {
            throw new IllegalStateException("Signet client: set exactly one of " + prefix + ".secret and " + prefix
                    + ".secret-file");
        }
        String value = secret.orElseGet(() -> read(prefix + ".secret-file", secretFile.get()));
        return SigningFeature.builder(scheme).keyId(keyId).secret(value).build();
    }

    private static String required(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException("Signet client setting " + name + " is missing"));
    }

    private static String read(String setting, String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("Signet client setting " + setting + "=" + file + ": the file is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("Signet client setting " + setting + "=" + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
