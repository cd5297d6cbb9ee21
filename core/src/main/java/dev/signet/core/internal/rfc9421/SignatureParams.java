// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.InnerList;
import dev.signet.core.internal.sf.StructuredFields.Item;
import dev.signet.core.internal.sf.StructuredFields.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One signature's parameters (RFC 9421 section 2.3): the ordered covered components and the parameters
 * {@code created}, {@code expires}, {@code nonce}, {@code alg}, {@code keyid} and {@code tag}, in the order
 * they were written. Its serialization is the value of {@code @signature-params} and of the signature's
 * Signature-Input member. Parameters the RFC does not define are kept, so they stay signed.
 */
public final class SignatureParams {

    private final List<ComponentId> components;
    private final Map<String, Object> params;
    private final String serialized;

    private SignatureParams(List<ComponentId> components, Map<String, Object> params) {
        this.components = List.copyOf(components);
        this.params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.serialized = StructuredFields.serializeMember(toInnerList());
    }

    /** The parameters a Signature-Input member holds; fails on anything RFC 9421 does not allow. */
    public static SignatureParams from(Member member) {
        if (!(member instanceof InnerList list)) {
            throw new StructuredFieldException("a Signature-Input member is an Inner List");
        }
        List<ComponentId> components = new ArrayList<>();
        Set<ComponentId> seen = new HashSet<>();
        for (Item item : list.items()) {
            ComponentId c = ComponentId.from(item);
            if (!seen.add(c)) {
                throw new StructuredFieldException("component " + c + " is covered twice");
            }
            components.add(c);
        }
        for (Map.Entry<String, Object> p : list.params().entrySet()) {
            switch (p.getKey()) {
                case "created", "expires" -> {
                    if (!(p.getValue() instanceof Long)) {
                        throw new StructuredFieldException(p.getKey() + " must be an Integer");
                    }
                }
                case "nonce", "alg", "keyid", "tag" -> {
                    if (!(p.getValue() instanceof String)) {
                        throw new StructuredFieldException(p.getKey() + " must be a String");
                    }
                }
                default -> {
                    // kept and signed, not interpreted
                }
            }
        }
        return new SignatureParams(components, list.params());
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ComponentId> components() {
        return components;
    }

    public boolean covers(ComponentId component) {
        return components.contains(component);
    }

    public Long created() {
        return (Long) params.get("created");
    }

    public Long expires() {
        return (Long) params.get("expires");
    }

    public String nonce() {
        return (String) params.get("nonce");
    }

    public String alg() {
        return (String) params.get("alg");
    }

    public String keyId() {
        return (String) params.get("keyid");
    }

    public String tag() {
        return (String) params.get("tag");
    }

    public Map<String, Object> params() {
        return params;
    }

    public InnerList toInnerList() {
        return new InnerList(components.stream().map(ComponentId::toItem).toList(), params);
    }

    /** The {@code @signature-params} value: {@code ("@method" ...);created=...;keyid="..."}. */
    public String serialized() {
        return serialized;
    }

    @Override
    public String toString() {
        return serialized;
    }

    /** Parameters for a new signature, in the order they are set. */
    public static final class Builder {
        private final List<ComponentId> components = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        public Builder component(ComponentId component) {
            if (components.contains(component)) {
                throw new IllegalArgumentException("component " + component + " is covered twice");
            }
            components.add(component);
            return this;
        }

        public Builder components(List<ComponentId> list) {
            list.forEach(this::component);
            return this;
        }

        public Builder created(Instant created) {
            params.put("created", created.getEpochSecond());
            return this;
        }

        public Builder expires(Instant expires) {
            params.put("expires", expires.getEpochSecond());
            return this;
        }

        public Builder nonce(String nonce) {
            return text("nonce", nonce);
        }

        public Builder alg(String alg) {
            return text("alg", alg);
        }

        public Builder keyId(String keyId) {
            return text("keyid", keyId);
        }

        public Builder tag(String tag) {
            return text("tag", tag);
        }

        private Builder text(String name, String value) {
            if (value != null) {
                StructuredFields.serializeBareItem(value); // fails on what a String cannot hold
                params.put(name, value);
            }
            return this;
        }

        public SignatureParams build() {
            return new SignatureParams(components, params);
        }
    }
}
