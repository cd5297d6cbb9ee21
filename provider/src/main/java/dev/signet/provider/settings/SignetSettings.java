package dev.signet.provider.settings;

import dev.signet.core.keys.IpRange;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every setting of the provider, read once at start. See the README's settings table for meanings and
 * defaults; the names are the MicroProfile Config / system property names.
 */
public record SignetSettings(
        String scheme,
        Optional<Duration> window,
        Duration clockSkew,
        long maxBodyBytes,
        int spoolThresholdBytes,
        Optional<String> spoolDirectory,
        Optional<String> infinispanConfig,
        String infinispanCache,
        List<IpRange> trustedProxies,
        boolean diagnostics,
        Optional<String> keysFile,
        Optional<String> tenantHeader,
        String realm,
        Map<String, Map<String, String>> customSchemes) {

    public static final String PREFIX = "signet.";

    public static SignetSettings from(SettingsSource source) {
        Map<String, Map<String, String>> custom = new TreeMap<>();
        for (String name : list(source.get("signet.schemes").orElse(""))) {
            Map<String, String> definition = new TreeMap<>();
            for (String key : List.of("header.key-id", "header.timestamp", "header.signature", "header.nonce", "template",
                    "json", "encoding", "timestamp-format", "window-seconds", "replay-key", "nonce-format")) {
                source.get("signet.scheme." + name + "." + key).ifPresent(v -> definition.put(key, v));
            }
            custom.put(name, definition);
        }
        return new SignetSettings(
                source.get("signet.scheme").orElse("canonical-nonce").trim(),
                source.get("signet.window-seconds").map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))),
                Duration.ofSeconds(Long.parseLong(source.get("signet.clock-skew-seconds").orElse("5").trim())),
                Long.parseLong(source.get("signet.max-body-bytes").orElse(String.valueOf(10L * 1024 * 1024)).trim()),
                Integer.parseInt(source.get("signet.spool-threshold-bytes").orElse(String.valueOf(64 * 1024)).trim()),
                source.get("signet.spool-directory").map(String::trim),
                source.get("signet.infinispan.config").map(String::trim).filter(s -> !s.isEmpty()),
                source.get("signet.infinispan.cache").orElse("signet-nonces").trim(),
                list(source.get("signet.trusted-proxies").orElse("")).stream().map(IpRange::parse).toList(),
                Boolean.parseBoolean(source.get("signet.diagnostics").orElse("false").trim()),
                source.get("signet.keys.file").map(String::trim).filter(s -> !s.isEmpty()),
                source.get("signet.tenant-header").map(String::trim).filter(s -> !s.isEmpty()),
                source.get("signet.realm").orElse("api").trim(),
                Map.copyOf(custom));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
