// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.scheme.Scheme;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code --preset} option: a built-in scheme by name, or an error that lists the names. */
final class PresetOption {

    private PresetOption() {
    }

    static Scheme named(String name) throws UsageException {
        return dev.signet.core.scheme.Presets.byName(name).orElseThrow(() -> new UsageException(
                "unknown preset '" + name + "'; the presets are " + names()));
    }

    /** A webhook sender's preset ({@code stripe}, {@code github}, ...), or empty for a header scheme's name. */
    static Optional<WebhookScheme> webhook(String name) {
        return WebhookPresets.byName(name);
    }

    /** Every preset: the header schemes, then the webhook senders. */
    static String names() {
        return Stream.concat(dev.signet.core.scheme.Presets.all().stream().map(Scheme::name),
                WebhookPresets.all().stream().map(WebhookScheme::name)).collect(Collectors.joining(", "));
    }
}
