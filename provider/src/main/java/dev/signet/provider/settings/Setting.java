// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting, declared once: its name, its default, and how its text becomes a value. Reading a bad
 * value throws {@link InvalidSettingException} naming the setting, so the deployment fails, not a request.
 *
 * @param parser turns trimmed text into a value, throwing {@link IllegalArgumentException} with what is
 *               wrong; never given blank text
 * @param secret the value may hold a credential (a password, a URL with one): an error never shows it
 */
record Setting<T>(String name, String defaultText, Function<String, T> parser, boolean secret) {

    Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
    }

    Setting(String name, String defaultText, Function<String, T> parser) {
        this(name, defaultText, parser, false);
    }

    /** A setting whose value is never shown, not even in the error that refuses it. */
    static <T> Setting<T> secret(String name, Function<String, T> parser) {
        return new Setting<>(name, null, parser, true);
    }

    /** The value from {@code source}, the default when absent or blank, or empty when there is no default. */
    Optional<T> read(SettingsSource source) {
        Optional<String> text = source.get(name).map(String::trim).filter(s -> !s.isEmpty());
        if (text.isEmpty() && defaultText == null) {
            return Optional.empty();
        }
        String value = text.orElse(defaultText);
        try {
            return Optional.of(parser.apply(value));
        } catch (RuntimeException e) {
            throw new InvalidSettingException(name, secret ? "(hidden)" : value, e.getMessage());
        }
    }

    /** For settings that have a default: never empty. */
    T require(SettingsSource source) {
        return read(source).orElseThrow();
    }

    static Function<String, Long> longBetween(long min, long max, String unit) {
        return text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number of " + unit);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max + " " + unit);
            }
            return value;
        };
    }

    static Function<String, Integer> intBetween(int min, int max, String unit) {
        return longBetween(min, max, unit).andThen(Long::intValue);
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
