// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server asks of an RFC 9421 signature, judged against the request as received. Always: {@code @method};
 * {@code @target-uri}, or {@code @authority} and {@code @path} plus {@code @query} whenever the request has a
 * query; {@code content-digest} whenever it has a body; a {@code created} within {@code window} of the
 * server's clock either way; a {@code keyid}; and no {@code expires} in the past. Configurable: further
 * components always covered, whether a {@code nonce} is required, a required {@code tag}, and the label
 * of the signature to use (else the first that meets the policy).
 */
public record Rfc9421Policy(List<ComponentId> required, Duration window, boolean nonceRequired, Optional<String> tag,
        Optional<String> label, FieldTypes fieldTypes) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    // Parsed once: ComponentId.of goes through the structured-field model, and this check runs per request
    // (13% of an rfc9421 hmac verification's CPU samples, benchmarks/README.md section 1c).
    private static final ComponentId METHOD = ComponentId.of("@method");
    private static final ComponentId TARGET_URI = ComponentId.of("@target-uri");
    private static final ComponentId AUTHORITY = ComponentId.of("@authority");
    private static final ComponentId PATH = ComponentId.of("@path");
    private static final ComponentId QUERY = ComponentId.of("@query");
    private static final ComponentId CONTENT_DIGEST = ComponentId.of("content-digest");

    /** The defaults of issue 15: nothing beyond the request's own components, 300 s, no nonce, no tag. */
    public static final Rfc9421Policy DEFAULT = new Rfc9421Policy(List.of(), DEFAULT_WINDOW, false, Optional.empty(),
            Optional.empty(), FieldTypes.DEFAULT);

    public Rfc9421Policy {
        required = List.copyOf(required);
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(label, "label");
        label.ifPresent(HttpSignatures::requireLabel);
        Objects.requireNonNull(fieldTypes, "fieldTypes");
    }

    public Rfc9421Policy withRequired(List<ComponentId> components) {
        return new Rfc9421Policy(components, window, nonceRequired, tag, label, fieldTypes);
    }

    public Rfc9421Policy withWindow(Duration newWindow) {
        return new Rfc9421Policy(required, newWindow, nonceRequired, tag, label, fieldTypes);
    }

    public Rfc9421Policy withNonceRequired(boolean required) {
        return new Rfc9421Policy(this.required, window, required, tag, label, fieldTypes);
    }

    public Rfc9421Policy withTag(String requiredTag) {
        return new Rfc9421Policy(required, window, nonceRequired, Optional.ofNullable(requiredTag), label, fieldTypes);
    }

    public Rfc9421Policy withLabel(String requiredLabel) {
        return new Rfc9421Policy(required, window, nonceRequired, tag, Optional.ofNullable(requiredLabel), fieldTypes);
    }

    /**
     * The components a signature of this request must cover, for the challenge: {@code @method},
     * {@code @target-uri}, {@code content-digest} when it has a body, then the configured ones.
     */
    public List<ComponentId> wanted(boolean hasBody) {
        List<ComponentId> wanted = new ArrayList<>(List.of(ComponentId.of("@method"), ComponentId.of("@target-uri")));
        if (hasBody) {
            wanted.add(ComponentId.of("content-digest"));
        }
        required.stream().filter(c -> !wanted.contains(c)).forEach(wanted::add);
        return wanted;
    }

    /** What {@code params} lacks for a request with (or without) a query and a body, in words; empty when nothing. */
    public List<String> missing(SignatureParams params, boolean hasQuery, boolean hasBody) {
        List<String> missing = new ArrayList<>();
        cover(missing, params, METHOD);
        if (!params.covers(TARGET_URI)) {
            boolean authority = params.covers(AUTHORITY);
            boolean path = params.covers(PATH);
            boolean query = !hasQuery || params.covers(QUERY);
            if (!(authority && path && query)) {
                missing.add("@target-uri (or @authority and @path" + (hasQuery ? " and @query" : "") + ")");
            }
        }
        if (hasBody) {
            cover(missing, params, CONTENT_DIGEST);
        }
        for (ComponentId c : required) {
            if (!params.covers(c)) {
                missing.add(c.serialized().replace("\"", ""));
            }
        }
        if (params.created() == null) {
            missing.add("the created parameter");
        }
        if (nonceRequired && params.nonce() == null) {
            missing.add("a nonce");
        }
        tag.ifPresent(t -> {
            if (!t.equals(params.tag())) {
                missing.add("tag=\"" + t + "\"");
            }
        });
        return missing;
    }

    private static void cover(List<String> missing, SignatureParams params, ComponentId component) {
        if (!params.covers(component)) {
            missing.add(component.serialized().replace("\"", ""));
        }
    }
}
