package dev.signet.core.scheme;

import dev.signet.core.scheme.SignedStringRecipe.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a custom scheme from flat settings, so users can define one in configuration alone. Keys, all
 * relative to the scheme: {@code header.key-id}, {@code header.timestamp}, {@code header.signature},
 * {@code header.nonce} (optional), {@code template} (such as {@code {timestamp}\n{method}\n{path}\n{bodyHash}})
 * or {@code json} (such as {@code ts=timestamp,id=nonce}), {@code encoding} (hex, base64),
 * {@code timestamp-format} (epoch-seconds, iso-8601), {@code window-seconds}, {@code replay-key}
 * (none, nonce, key-timestamp-signature) and {@code nonce-format} (uuid, token).
 */
public final class SchemeDefinition {

    private SchemeDefinition() {
    }

    public static Scheme fromSettings(String name, Map<String, String> settings) {
        String nonceHeader = settings.get("header.nonce");
        SchemeHeaders headers = new SchemeHeaders(
                required(settings, "header.key-id"),
                required(settings, "header.timestamp"),
                required(settings, "header.signature"),
                nonceHeader == null || nonceHeader.isBlank() ? null : nonceHeader.trim());
        return new Scheme(
                name,
                headers,
                recipe(settings),
                SignatureEncoding.valueOf(enumName(settings.getOrDefault("encoding", "hex"))),
                TimestampFormat.valueOf(enumName(settings.getOrDefault("timestamp-format", "epoch-seconds"))),
                Duration.ofSeconds(Long.parseLong(settings.getOrDefault("window-seconds", "300").trim())),
                ReplayKey.valueOf(enumName(settings.getOrDefault("replay-key", headers.hasNonce() ? "nonce" : "none"))),
                headers.hasNonce() ? NonceFormat.valueOf(enumName(settings.getOrDefault("nonce-format", "token"))) : null);
    }

    private static SignedStringRecipe recipe(Map<String, String> settings) {
        String template = settings.get("template");
        String json = settings.get("json");
        if ((template == null) == (json == null)) {
            throw new IllegalArgumentException("a scheme needs exactly one of 'template' and 'json'");
        }
        if (template != null) {
            return SignedStringRecipe.Template.parse(template);
        }
        List<JsonObject.Member> members = new ArrayList<>();
        for (String pair : json.split(",")) {
            String[] nameAndComponent = pair.split("=", 2);
            if (nameAndComponent.length != 2) {
                throw new IllegalArgumentException("json members are name=component pairs: " + pair);
            }
            String componentName = nameAndComponent[1].trim();
            Component component = Component.byTemplateName(componentName)
                    .orElseThrow(() -> new IllegalArgumentException("unknown component " + componentName));
            members.add(new JsonObject.Member(nameAndComponent[0].trim(), component));
        }
        return new JsonObject(members);
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("scheme setting '" + key + "' is required");
        }
        return value.trim();
    }

    private static String enumName(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
