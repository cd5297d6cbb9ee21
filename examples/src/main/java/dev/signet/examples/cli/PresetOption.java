// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.scheme.Scheme;
import java.util.stream.Collectors;

/** The {@code --preset} option: a built-in scheme by name, or an error that lists the names. */
final class PresetOption {

    private PresetOption() {
    }

    static Scheme named(String name) throws UsageException {
        return dev.signet.core.scheme.Presets.byName(name).orElseThrow(() -> new UsageException(
                "unknown preset '" + name + "'; the presets are " + names()));
    }

    static String names() {
        return dev.signet.core.scheme.Presets.all().stream().map(Scheme::name).collect(Collectors.joining(", "));
    }
}
