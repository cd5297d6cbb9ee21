package dev.signet.provider.verification;

import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeDefinition;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.provider.settings.SignetSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The schemes this application speaks, each with its verifier: the presets plus those defined in settings. */
public final class SchemeRegistry {

    private final Map<String, SignatureVerifier> verifiers = new HashMap<>();
    private final String defaultScheme;

    public SchemeRegistry(SignetSettings settings, Clock clock) {
        for (Scheme preset : Presets.all()) {
            verifiers.put(preset.name(), new SignatureVerifier(preset, clock));
        }
        settings.customSchemes().forEach((name, definition) ->
                verifiers.put(name, new SignatureVerifier(SchemeDefinition.fromSettings(name, definition), clock)));
        this.defaultScheme = settings.scheme();
        SignatureVerifier byDefault = verifiers.get(defaultScheme);
        if (byDefault == null) {
            throw new IllegalStateException("signet.scheme names an unknown scheme: " + defaultScheme);
        }
        settings.window().ifPresent(w ->
                verifiers.put(defaultScheme, new SignatureVerifier(byDefault.scheme().withWindow(w), clock)));
    }

    /** The verifier for a scheme name; a blank name means the configured default. */
    public Optional<SignatureVerifier> verifier(String name) {
        return Optional.ofNullable(verifiers.get(name == null || name.isBlank() ? defaultScheme : name));
    }
}
