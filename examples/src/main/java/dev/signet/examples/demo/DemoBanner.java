// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.examples.cli.Shell;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the demo prints once it serves: the address, the endpoints, the keys and a command to try. The
 * generated keys' secrets appear here and nowhere else: they exist only for this run, and nobody could
 * call the demo without them. Keys from a file are listed without their secrets, which the file holds.
 */
final class DemoBanner {

    private DemoBanner() {
    }

    static String render(URI base, DemoKeys keys, Optional<Path> keysFile) {
        String presets = Presets.all().stream().map(Scheme::name).collect(Collectors.joining(", ")) + ", rfc9421";
        String webhooks = WebhookPresets.all().stream().map(WebhookScheme::name).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        out.append("Signet demo server: ").append(base).append('\n')
                .append("  GET       /health           open\n")
                .append("  GET|POST  /{preset}/echo    signed (canonical-nonce also needs scope ")
                .append(DemoScopes.READ).append(")\n")
                .append("  POST      /{preset}/scoped  signed, needs scope ").append(DemoScopes.WRITE).append('\n')
                .append("  presets:  ").append(presets).append('\n')
                .append("  POST      /{webhook}/echo   verified as the sender, with the key whose id is the webhook's name\n")
                .append("  webhooks: ").append(webhooks).append("\n\n");
        if (keys.generated()) {
            out.append("Keys made for this run, shown only here (set ").append(DemoSettings.KEYS_VARIABLE)
                    .append("=FILE to bring your own):\n");
            for (ApiKey key : keys.all()) {
                out.append("  ").append(padded(key.id(), keys)).append("  secret ").append(key.signingSecret().reveal())
                        .append("  scopes ").append(scopes(key)).append('\n');
            }
        } else {
            out.append("Keys from ").append(keysFile.map(Path::toString).orElse("the key file")).append(":\n");
            for (ApiKey key : keys.all()) {
                out.append("  ").append(padded(key.id(), keys)).append("  ").append(key.status().name().toLowerCase(Locale.ROOT))
                        .append("  scopes ").append(scopes(key)).append('\n');
            }
        }
        return out.toString();
    }

    private static String padded(String id, DemoKeys keys) {
        int width = keys.all().stream().mapToInt(k -> k.id().length()).max().orElse(id.length());
        return id + " ".repeat(width - id.length());
    }

    private static String scopes(ApiKey key) {
        return key.scopes().isEmpty() ? "(none)" : String.join(" ", new TreeSet<>(key.scopes()));
    }

    /**
     * A command that signs a call with the signet tool and runs it with curl. With generated keys it leaves
     * the secret to be pasted: that secret is printed once, in the key list above, and not again here.
     */
    static String tryIt(URI base, DemoKeys keys, Optional<Path> keysFile) {
        ApiKey key = keys.clientKey();
        boolean fromFile = keysFile.isPresent() && !keys.generated();
        String credentials = fromFile
                ? "--keys " + Shell.quote(keysFile.get().toString()) + " --key-id " + Shell.quote(key.id())
                : "--key-id " + Shell.quote(key.id()) + " --secret 'PASTE-ITS-SECRET'";
        return "Try it from the repository root" + (fromFile ? "" : " (paste the secret of " + key.id() + " from above)")
                + ":\n"
                + "  examples/signet sign --preset canonical-nonce --url " + base + "/canonical-nonce/echo \\\n"
                + "      --body '{\"hello\":\"world\"}' " + credentials + " --curl | sh\n";
    }
}
