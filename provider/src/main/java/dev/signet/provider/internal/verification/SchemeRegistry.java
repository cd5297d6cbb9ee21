// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.rfc9421.Rfc9421Scheme;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeDefinition;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.provider.settings.InvalidSettingException;
import dev.signet.provider.settings.SignetSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The schemes this application speaks, resolved once at start: the header presets, the webhook presets
 * (whose endpoints name their key) and the schemes defined in settings.
 * A custom scheme that is incomplete or unsafe, or a default that names no scheme, fails the start with
 * the setting named.
 */
public final class SchemeRegistry {

    private final Map<String, SignatureScheme> schemes = new LinkedHashMap<>();
    private final String defaultScheme;

    public SchemeRegistry(SignetSettings settings) {
        for (Scheme preset : Presets.all()) {
            schemes.put(preset.name(), preset);
        }
        for (WebhookScheme webhook : WebhookPresets.all()) {
            schemes.put(webhook.name(), webhook);
        }
        schemes.put(Rfc9421Scheme.NAME, new Rfc9421Scheme(settings.rfc9421()));
        settings.customSchemes().forEach((name, definition) -> {
            if (schemes.containsKey(name)) {
                throw new InvalidSettingException("signet.schemes", name, "'" + name + "' is a preset's name");
            }
            if (Rfc9421Scheme.NAME.equals(definition.get("type"))) {
                // A variant of rfc9421 with its own policy, for the endpoints that name it.
                schemes.put(name, new Rfc9421Scheme(name, SignetSettings.rfc9421Policy(
                        key -> Optional.ofNullable(definition.get(key.substring(key.lastIndexOf('.') + 1))),
                        "signet.scheme." + name + ".", settings.rfc9421())));
                return;
            }
            try {
                schemes.put(name, SchemeDefinition.fromSettings(name, definition));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(SignetSettings.customSchemeSetting(name, "*"), name, e.getMessage());
            }
        });
        this.defaultScheme = settings.scheme();
        SignatureScheme byDefault = schemes.get(defaultScheme);
        if (byDefault == null) {
            throw new InvalidSettingException("signet.scheme", defaultScheme, "no such scheme; known: " + names());
        }
        if (settings.window().isPresent()) {
            if (!(byDefault instanceof Scheme header)) {
                throw new InvalidSettingException("signet.window-seconds", settings.window().get().toSeconds() + "",
                        "the window of " + defaultScheme + " is set by its own parameters"
                        + (byDefault instanceof Rfc9421Scheme ? " (signet.rfc9421.window-seconds)" : ""));
            }
            schemes.put(defaultScheme, header.withWindow(settings.window().get()));
        }
    }

    /** The scheme of a name; a blank name means the configured default. */
    public Optional<SignatureScheme> find(String name) {
        return Optional.ofNullable(schemes.get(name == null || name.isBlank() ? defaultScheme : name));
    }

    public String names() {
        return String.join(", ", new TreeSet<>(schemes.keySet()));
    }
}
