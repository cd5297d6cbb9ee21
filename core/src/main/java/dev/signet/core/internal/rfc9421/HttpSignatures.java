// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.ByteSequence;
import dev.signet.core.internal.sf.StructuredFields.Item;
import dev.signet.core.internal.sf.StructuredFields.Member;
import dev.signet.core.internal.verification.HeaderSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creating (RFC 9421 section 3.1) and reading and verifying (sections 3.2 and 4) HTTP message signatures.
 * The fields are {@code Signature-Input} and {@code Signature}: Dictionaries keyed by the signature's label,
 * so one message can carry several signatures.
 */
public final class HttpSignatures {

    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";
    public static final String ACCEPT_SIGNATURE = "Accept-Signature";

    private HttpSignatures() {
    }

    /** A signature made here: its base and the two dictionary members to add to the message. */
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; never compared
    public record Signed(String label, SignatureParams params, String base, byte[] signature) {

        public Signed {
            Objects.requireNonNull(label, "label");
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** {@code label=("@method" ...);created=...}: the Signature-Input member. */
        public String signatureInput() {
            return label + "=" + params.serialized();
        }

        /** {@code label=:base64:}: the Signature member. */
        public String signatureField() {
            return label + "=" + StructuredFields.serializeBareItem(new ByteSequence(signature));
        }

        @Override
        public String toString() {
            return "Signed[" + signatureInput() + "]"; // never the signature itself
        }
    }

    /** A signature as received: its label, parameters and value. */
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; never compared
    public record Received(String label, SignatureParams params, byte[] signature) {

        public Received {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public String toString() {
            return "Received[" + label + "=" + params.serialized() + "]";
        }
    }

    /** Signs {@code message}: builds the base of {@code params} and signs it with {@code key}. */
    public static Signed sign(HttpMessage message, String label, SignatureParams params, SigningKey key, FieldTypes types) {
        requireLabel(label);
        String base = SignatureBase.of(message, params, types);
        return new Signed(label, params, base, key.sign(base.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Every signature of a message whose Signature-Input and Signature members agree, in Signature-Input
     * order. A label with only one of the two members is left out.
     *
     * @throws StructuredFieldException when either field is not a valid Dictionary, or a member is not what
     *                                  RFC 9421 allows (its message says which)
     */
    public static Map<String, Received> read(HeaderSource fields) {
        Map<String, Member> inputs = dictionary(fields, SIGNATURE_INPUT);
        Map<String, Member> signatures = dictionary(fields, SIGNATURE);
        Map<String, Received> out = new LinkedHashMap<>();
        for (Map.Entry<String, Member> input : inputs.entrySet()) {
            Member value = signatures.get(input.getKey());
            if (value == null) {
                continue;
            }
            if (!(value instanceof Item item) || !(item.value() instanceof ByteSequence bytes)) {
                throw new StructuredFieldException("Signature member " + input.getKey() + " is not a Byte Sequence");
            }
            SignatureParams params;
            try {
                params = SignatureParams.from(input.getValue());
            } catch (StructuredFieldException e) {
                throw new StructuredFieldException("Signature-Input member " + input.getKey() + ": " + e.getMessage());
            }
            out.put(input.getKey(), new Received(input.getKey(), params, bytes.bytes()));
        }
        return out;
    }

    /** Whether {@code received} verifies over {@code message} with {@code key}; a missing component throws. */
    public static boolean verify(HttpMessage message, Received received, VerificationKey key, FieldTypes types) {
        String base = SignatureBase.of(message, received.params(), types);
        return key.verify(base.getBytes(StandardCharsets.US_ASCII), received.signature());
    }

    private static Map<String, Member> dictionary(HeaderSource fields, String name) {
        List<String> lines = fields.values(name);
        return lines.isEmpty() ? Map.of() : StructuredFields.parseDictionary(String.join(", ", lines));
    }

    /** A label is a Dictionary key. */
    public static String requireLabel(String label) {
        StructuredFields.serializeDictionary(Map.of(label, Item.of(false)));
        return label;
    }

    /** The bytes of a signature as Base64, for tools that print a shortened form. */
    static String base64(byte[] signature) {
        return Base64.getEncoder().encodeToString(signature);
    }
}
