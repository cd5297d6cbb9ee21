// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.verification.HeaderSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response signatures bound to the request they answer (RFC 9421 section 2.4): a server signs
 * {@code @status}, {@code content-digest} when the response has content, and with {@code req} the request's
 * {@code @method}, {@code @target-uri} and the request's own signature ({@code "signature";req;key="label"}),
 * so the response cannot be replayed for another request or another signature. A client checks exactly that.
 */
public final class ResponseSignatures {

    /** How far a response's {@code created} may be from the client's clock. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private ResponseSignatures() {
    }

    /** What a response signature covers, for a request signed under {@code requestLabel}. */
    public static List<ComponentId> components(String requestLabel, boolean hasContent) {
        List<ComponentId> components = new ArrayList<>();
        components.add(ComponentId.of("@status"));
        if (hasContent) {
            components.add(ComponentId.of("content-digest"));
        }
        components.add(ComponentId.parse("\"@method\";req"));
        components.add(ComponentId.parse("\"@target-uri\";req"));
        components.add(ComponentId.parse("\"signature\";req;key=" + dev.signet.core.internal.sf.StructuredFields.serializeBareItem(requestLabel)));
        return components;
    }

    /**
     * Signs a response to {@code request} (which carries its signature under {@code requestLabel}); the
     * fields to add, Content-Digest included when {@code digests} is not null.
     */
    public static Map<String, String> sign(HttpMessage request, String requestLabel, int status, HeaderSource headers,
            Map<DigestAlgorithm, byte[]> digests, String label, String keyId, SigningKey key, Instant created) {
        Map<String, String> added = new LinkedHashMap<>();
        if (digests != null) {
            added.put(ContentDigest.FIELD, ContentDigest.field(digests));
        }
        HeaderSource fields = name -> name.equalsIgnoreCase(ContentDigest.FIELD) && added.containsKey(ContentDigest.FIELD)
                ? List.of(added.get(ContentDigest.FIELD)) : headers.values(name);
        SignatureParams params = SignatureParams.builder().components(components(requestLabel, digests != null))
                .created(created).keyId(keyId).build();
        HttpSignatures.Signed signed = HttpSignatures.sign(HttpMessage.response(status, fields, request), label, params, key,
                FieldTypes.DEFAULT);
        added.put(HttpSignatures.SIGNATURE_INPUT, signed.signatureInput());
        added.put(HttpSignatures.SIGNATURE, signed.signatureField());
        return added;
    }

    /**
     * Checks a response to {@code request} (signed under {@code requestLabel}): a signature by {@code keyId}
     * that covers what {@link #components} names, made within {@link #WINDOW} of {@code now}, verifying with
     * {@code key}, and a Content-Digest that matches {@code content}. Empty when it holds; else why not.
     */
    public static Optional<String> verify(HttpMessage response, String requestLabel, byte[] content, String keyId,
            VerificationKey key, Instant now) {
        Map<String, HttpSignatures.Received> all;
        try {
            all = HttpSignatures.read(response.fields());
        } catch (StructuredFieldException e) {
            return Optional.of("malformed response signature fields: " + e.getMessage());
        }
        HttpSignatures.Received mine = all.values().stream().filter(s -> keyId.equals(s.params().keyId())).findFirst().orElse(null);
        if (mine == null) {
            return Optional.of("the response carries no signature by " + keyId);
        }
        boolean hasContent = content.length > 0;
        for (ComponentId c : components(requestLabel, hasContent)) {
            if (!mine.params().covers(c)) {
                return Optional.of("the response signature does not cover " + c);
            }
        }
        Long created = mine.params().created();
        if (created == null || Math.abs(now.getEpochSecond() - created) > WINDOW.toSeconds()) {
            return Optional.of("the response signature's created is missing or out of range");
        }
        if (mine.params().expires() != null && now.getEpochSecond() > mine.params().expires()) {
            return Optional.of("the response signature expired");
        }
        if (mine.params().alg() != null && !mine.params().alg().equals(key.algorithm().rfcName())) {
            return Optional.of("the response signature's alg is not the server key's algorithm");
        }
        try {
            if (!HttpSignatures.verify(response, mine, key, FieldTypes.DEFAULT)) {
                return Optional.of("the response signature does not verify");
            }
        } catch (ComponentException e) {
            return Optional.of("the response signature's base cannot be built: " + e.getMessage());
        }
        List<String> digestLines = response.fields().values(ContentDigest.FIELD);
        if (hasContent || !digestLines.isEmpty()) {
            Map<DigestAlgorithm, byte[]> claimed;
            try {
                claimed = ContentDigest.parse(String.join(", ", digestLines));
            } catch (StructuredFieldException e) {
                return Optional.of("malformed response Content-Digest");
            }
            ContentDigest.Hasher hasher = new ContentDigest.Hasher(claimed.keySet());
            hasher.update(content, 0, content.length);
            if (!ContentDigest.matches(claimed, hasher.finish())) {
                return Optional.of("the response Content-Digest does not match its content");
            }
        }
        return Optional.empty();
    }
}
