// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.rfc9421.SignatureAlgorithm;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.ErrorFormat;
import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.InnerList;
import dev.signet.core.internal.sf.StructuredFields.Member;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.ParsedCredentials;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.SignatureScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 9421 HTTP Message Signatures, with RFC 9530 {@code Content-Digest}, as one more scheme of the
 * verification pipeline. Step 1 reads {@code Signature-Input} and {@code Signature}, picks the signature the
 * {@link Rfc9421Policy} accepts (by label or tag, else the first that meets it), and builds its signature base
 * from the request as received; the window is {@code created}'s, both ways, and {@code expires} is honoured;
 * replays are keyed on (key, nonce), or without a nonce on the signature value; step 7 verifies with the
 * key's algorithm (an {@code alg} that disagrees is refused), then streams the body through its digest.
 * Refusals are RFC 9457 problems; a 401 carries {@code Accept-Signature}.
 */
public final class Rfc9421Scheme implements SignatureScheme {

    public static final String NAME = "rfc9421";

    /** Longer Signature or Signature-Input values are refused before parsing. */
    static final int MAX_FIELD_LENGTH = 16 * 1024;

    private final String name;
    private final Rfc9421Policy policy;

    public Rfc9421Scheme(String name, Rfc9421Policy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Rfc9421Scheme(Rfc9421Policy policy) {
        this(NAME, policy);
    }

    public Rfc9421Policy policy() {
        return policy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ErrorFormat errorFormat() {
        return ErrorFormat.PROBLEM;
    }

    @Override
    public Duration window() {
        return policy.window();
    }

    @Override
    public boolean windowBothWays() {
        return true;
    }

    @Override
    public String replayUnit() {
        return "(key, nonce), or without a nonce the signature value";
    }

    /** What step 1 found, for step 7: the chosen signature, its base, and the digests the request claims. */
    public record Selected(HttpSignatures.Received signature, String base, Map<DigestAlgorithm, byte[]> claimedDigests) {

        @Override
        public String toString() {
            return "Selected[" + signature + "]";
        }
    }

    @Override
    public ParsedCredentials readCredentials(ReceivedRequest request, Optional<String> endpointKey) {
        List<String> inputs = request.headers().values(HttpSignatures.SIGNATURE_INPUT);
        List<String> signatures = request.headers().values(HttpSignatures.SIGNATURE);
        if (inputs.isEmpty() && signatures.isEmpty()) {
            return Refusal.of(Failure.MISSING_CREDENTIALS, "No Signature-Input and Signature fields");
        }
        if (inputs.isEmpty() || signatures.isEmpty()) {
            return Refusal.of(Failure.MISSING_CREDENTIALS, "Missing " + (inputs.isEmpty() ? "Signature-Input" : "Signature"));
        }
        if (length(inputs) > MAX_FIELD_LENGTH || length(signatures) > MAX_FIELD_LENGTH) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Signature fields are too long");
        }
        Map<String, HttpSignatures.Received> all;
        try {
            all = HttpSignatures.read(request.headers());
        } catch (StructuredFieldException e) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed signature fields: " + e.getMessage());
        }
        List<HttpSignatures.Received> candidates = all.values().stream()
                .filter(s -> policy.label().map(s.label()::equals).orElse(true))
                .filter(s -> policy.tag().map(t -> t.equals(s.params().tag())).orElse(true))
                .toList();
        if (candidates.isEmpty()) {
            if (all.isEmpty()) {
                return Refusal.of(Failure.MALFORMED_CREDENTIALS, "No label has both a Signature-Input and a Signature member");
            }
            return Refusal.of(Failure.POLICY_NOT_MET, "No signature " + policy.label().map(l -> "labelled " + l).orElse("")
                    + (policy.label().isPresent() && policy.tag().isPresent() ? " and " : "")
                    + policy.tag().map(t -> "tagged " + t).orElse(""));
        }
        boolean hasQuery = hasQuery(request);
        boolean hasBody = hasBody(request);
        HttpSignatures.Received chosen = null;
        List<String> firstMissing = null;
        for (HttpSignatures.Received candidate : candidates) {
            List<String> missing = policy.missing(candidate.params(), hasQuery, hasBody);
            if (missing.isEmpty()) {
                chosen = candidate;
                break;
            }
            if (firstMissing == null) {
                firstMissing = missing;
            }
        }
        if (chosen == null) {
            return Refusal.of(Failure.POLICY_NOT_MET, "The signature must cover " + String.join(", ", firstMissing));
        }
        SignatureParams params = chosen.params();
        String keyId = params.keyId() != null ? params.keyId() : endpointKey.orElse(null);
        if (keyId == null || keyId.isEmpty() || keyId.length() > 256 || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, keyId == null ? "The signature has no keyid" : "Malformed keyid");
        }
        if (params.alg() != null && SignatureAlgorithm.byName(params.alg()).isEmpty()) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Unknown alg " + params.alg());
        }
        Map<DigestAlgorithm, byte[]> digests = Map.of();
        List<String> digestLines = request.headers().values(ContentDigest.FIELD);
        if (!digestLines.isEmpty()) {
            try {
                digests = ContentDigest.parse(String.join(", ", digestLines));
            } catch (StructuredFieldException e) {
                return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed Content-Digest: " + e.getMessage());
            }
            if (digests.isEmpty()) {
                return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Content-Digest names neither sha-256 nor sha-512");
            }
        }
        String base;
        try {
            base = SignatureBase.of(message(request), params, policy.fieldTypes());
        } catch (ComponentException e) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Cannot build the signature base: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Cannot build the signature base");
        }
        long created = params.created();
        return new Credentials(keyId, Long.toString(created), Instant.ofEpochSecond(created), params.nonce(),
                List.of(chosen.signature()), new Selected(chosen, base, digests));
    }

    @Override
    public boolean expired(Credentials credentials, Instant now) {
        Long expires = ((Selected) credentials.detail()).signature().params().expires();
        return expires != null && now.getEpochSecond() > expires;
    }

    @Override
    public Optional<String> replayUnique(Credentials c) {
        return Optional.of(c.nonce() != null ? "nonce\n" + c.nonce()
                : "signature\n" + Base64.getEncoder().encodeToString(c.signature()));
    }

    @Override
    public SignatureCheck checkSignature(Credentials c, ReceivedRequest request, BodySource body, ApiKey key, Instant now)
            throws IOException {
        Selected selected = (Selected) c.detail();
        SignatureAlgorithm algorithm = key.publicKey() != null ? key.publicKey().algorithm() : SignatureAlgorithm.HMAC_SHA256;
        String alg = selected.signature().params().alg();
        if (alg != null && !alg.equals(algorithm.rfcName())) {
            return SignatureCheck.mismatch("The signature's alg " + alg + " is not the key's algorithm " + algorithm.rfcName(), null);
        }
        VerificationKey verifier = key.publicKey() != null
                ? VerificationKey.of(algorithm, key.publicKey().key())
                : VerificationKey.hmac(key.secretsValidAt(now).stream().map(Secret::keyBytes).toList());
        if (!verifier.verify(selected.base().getBytes(StandardCharsets.US_ASCII), c.signature())) {
            return SignatureCheck.mismatch("Signature mismatch", selected.base());
        }
        if (selected.claimedDigests().isEmpty()) {
            return SignatureCheck.of(SignatureCheck.Outcome.MATCH, null);
        }
        // The signature holds: only now is the body read, once, through the digests it claims.
        ContentDigest.Hasher hasher = new ContentDigest.Hasher(EnumSet.copyOf(selected.claimedDigests().keySet()));
        if (!body.read(hasher::update)) {
            return SignatureCheck.of(SignatureCheck.Outcome.BODY_TOO_LARGE, null);
        }
        return ContentDigest.matches(selected.claimedDigests(), hasher.finish()) ? SignatureCheck.of(SignatureCheck.Outcome.MATCH, null)
                : SignatureCheck.mismatch("Content-Digest does not match the body", null);
    }

    /**
     * {@code Accept-Signature} for this request: the components the policy wants, {@code created}, and
     * {@code nonce} and {@code tag} when required, under the policy's label or {@code sig1}.
     */
    @Override
    public Map<String, String> challengeHeaders(ReceivedRequest request) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", true);
        if (policy.nonceRequired()) {
            params.put("nonce", true);
        }
        policy.tag().ifPresent(t -> params.put("tag", t));
        InnerList wanted = new InnerList(policy.wanted(hasBody(request)).stream().map(ComponentId::toItem).toList(), params);
        Map<String, Member> dict = Map.of(policy.label().orElse("sig1"), wanted);
        return Map.of(HttpSignatures.ACCEPT_SIGNATURE, StructuredFields.serializeDictionary(dict));
    }

    /** The request as RFC 9421 sees it; without a target URI from the server, one is rebuilt from Host. */
    public static HttpMessage message(ReceivedRequest request) {
        String target = request.targetUri();
        if (target == null) {
            String host = request.headers().single("Host");
            target = "http://" + (host == null ? "localhost" : host.trim()) + request.path()
                    + (request.query().isEmpty() ? "" : "?" + request.query());
        }
        return HttpMessage.request(request.method(), target, request.headers());
    }

    static boolean hasQuery(ReceivedRequest request) {
        return !request.query().isEmpty();
    }

    /** A body is announced by a Content-Length above zero or by any Transfer-Encoding. */
    static boolean hasBody(ReceivedRequest request) {
        if (!request.headers().values("Transfer-Encoding").isEmpty()) {
            return true;
        }
        for (String length : request.headers().values("Content-Length")) {
            String t = length.trim();
            if (!t.isEmpty() && !t.chars().allMatch(ch -> ch == '0')) {
                return true;
            }
        }
        return false;
    }

    private static int length(List<String> lines) {
        return lines.stream().mapToInt(String::length).sum();
    }
}
