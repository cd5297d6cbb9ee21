// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line of {@code --flag}, {@code --option value} and {@code --option=value} words, where
 * an option may repeat. Only the names a command declares are accepted, so a typo is an error rather than
 * a silently ignored word. No positional arguments: every value has a name.
 */
public final class Arguments {

    private final Map<String, List<String>> values;

    private Arguments(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Arguments parse(List<String> words, Set<String> flags, Set<String> options) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                throw new UsageException("unexpected '" + word + "': every argument is a --name");
            }
            int equals = word.indexOf('=');
            String name = equals < 0 ? word.substring(2) : word.substring(2, equals);
            if (flags.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (options.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = word.substring(equals + 1);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Arguments(values);
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** The option's value; an error when it was given more than once. */
    public Optional<String> value(String name) throws UsageException {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw new UsageException("--" + name + " given more than once");
        }
        return given.stream().findFirst();
    }

    public String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }
}
