// SPDX-License-Identifier: Apache-2.0
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
 * (nonce, key-timestamp-signature, or none only when written out), {@code nonce-format} (uuid, token) and
 * {@code error-format} (problem, detail, envelope). Every failure names the key it is about, so the
 * caller can name the setting.
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
                choice(SignatureEncoding.class, settings, "encoding", "hex"),
                choice(TimestampFormat.class, settings, "timestamp-format", "epoch-seconds"),
                Duration.ofSeconds(windowSeconds(settings.getOrDefault("window-seconds", "300"))),
                choice(ReplayKey.class, settings, "replay-key", headers.hasNonce() ? "nonce" : "key-timestamp-signature"),
                headers.hasNonce() ? choice(NonceFormat.class, settings, "nonce-format", "token") : null,
                choice(ErrorFormat.class, settings, "error-format", "problem"),
                false,
                false);
    }

    private static long windowSeconds(String text) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds >= 1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException("'window-seconds' must be a whole number of seconds from 1 to 3600, not '"
                + text + "'");
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
        for (String pair : json.split(",", 0)) { // 0, as before: trailing empty members are dropped
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

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> settings, String key, String byDefault) {
        String value = settings.getOrDefault(key, byDefault);
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException("'" + key + "' must be one of " + allowed + ", not '" + value + "'");
        }
    }
}
