// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** How a scheme turns the parts of a request into the one string that is MACed. */
public sealed interface SignedStringRecipe {

    /** The string to MAC. */
    default String render(ComponentValues values) {
        return render(values, false);
    }

    /** The signed string with any secret replaced by {@code <secret>}, safe to show a caller. */
    default String renderRedacted(ComponentValues values) {
        return render(values, true);
    }

    String render(ComponentValues values, boolean redactSecret);

    /** The components this recipe covers: a change to any other part of a request does not affect it. */
    Set<Component> components();

    /** Whether the recipe covers {@code component}; asked per request, so it allocates nothing. */
    boolean covers(Component component);

    /**
     * Literal text with {@code {component}} placeholders, such as {@code {timestamp}\n{method}\n{path}\n{bodyHash}}.
     * In {@link #parse}, a two-character {@code \n} stands for a newline, so templates survive being
     * written in a property or an environment variable.
     */
    record Template(List<Part> parts) implements SignedStringRecipe {

        public Template {
            parts = List.copyOf(parts);
        }

        public static Template parse(String template) {
            List<Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '\\' && i + 1 < template.length() && template.charAt(i + 1) == 'n') {
                    literal.append('\n');
                    i++;
                } else if (c == '{') {
                    int close = template.indexOf('}', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed '{' in template: " + template);
                    }
                    String name = template.substring(i + 1, close);
                    Component component = Component.byTemplateName(name)
                            .orElseThrow(() -> new IllegalArgumentException("unknown component {" + name + "}"));
                    if (!literal.isEmpty()) {
                        parts.add(new Part.Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(new Part.Value(component));
                    i = close;
                } else {
                    literal.append(c);
                }
            }
            if (!literal.isEmpty()) {
                parts.add(new Part.Literal(literal.toString()));
            }
            return new Template(parts);
        }

        @Override
        public String render(ComponentValues values, boolean redactSecret) {
            StringBuilder out = new StringBuilder(160);
            for (Part part : parts) {
                if (part instanceof Part.Literal l) {
                    out.append(l.text());
                } else if (part instanceof Part.Value v) {
                    out.append(values.valueOf(v.component(), redactSecret));
                }
            }
            return out.toString();
        }

        @Override
        public Set<Component> components() {
            Set<Component> set = EnumSet.noneOf(Component.class);
            parts.stream().filter(Part.Value.class::isInstance).map(p -> ((Part.Value) p).component()).forEach(set::add);
            return set;
        }

        @Override
        public boolean covers(Component component) {
            // A loop, not components(): the stream and the set were 8% of core verification's CPU samples.
            for (Part p : parts) {
                if (p instanceof Part.Value v && v.component() == component) {
                    return true;
                }
            }
            return false;
        }

        public sealed interface Part {
            record Literal(String text) implements Part {
            }

            record Value(Component component) implements Part {
            }
        }
    }

    /**
     * A flat JSON object of string members in a fixed order, written as {@code JSON.stringify} writes it:
     * no spaces, members in insertion order, strings escaped by {@link JsonString}.
     */
    record JsonObject(List<Member> members) implements SignedStringRecipe {

        public JsonObject {
            members = List.copyOf(members);
        }

        @Override
        public String render(ComponentValues values, boolean redactSecret) {
            StringBuilder out = new StringBuilder(160).append('{');
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                if (i > 0) {
                    out.append(',');
                }
                JsonString.appendQuoted(out, m.name());
                out.append(':');
                JsonString.appendQuoted(out, values.valueOf(m.component(), redactSecret));
            }
            return out.append('}').toString();
        }

        @Override
        public Set<Component> components() {
            Set<Component> set = EnumSet.noneOf(Component.class);
            members.forEach(m -> set.add(m.component()));
            return set;
        }

        @Override
        public boolean covers(Component component) {
            for (Member m : members) {
                if (m.component() == component) {
                    return true;
                }
            }
            return false;
        }

        public record Member(String name, Component component) {
            public Member {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(component, "component");
            }
        }
    }
}
