// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.internal.crypto.LowerHex;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Well-formed credentials, as received. {@code timestampText} is kept verbatim because it is what was
 * signed; {@code nonce} is {@code null} when the scheme has none; {@code timestamp} is {@code null} only
 * under a scheme that is {@link SignatureScheme#untimed() untimed}. A request may carry several signatures
 * (a sender rotating its secret signs with both): any one that verifies passes. {@code detail} is what a
 * scheme parsed for its own step 7 (RFC 9421's signature parameters, say); it never prints.
 */
public final class Credentials implements ParsedCredentials {

    private final String keyId;
    private final String timestampText;
    private final Instant timestamp;
    private final String nonce;
    private final List<byte[]> signatures;
    private final Object detail;

    public Credentials(String keyId, String timestampText, Instant timestamp, String nonce, List<byte[]> signatures,
            Object detail) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.timestampText = timestampText;
        this.timestamp = timestamp;
        this.nonce = nonce;
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("no signature");
        }
        this.signatures = copies(signatures);
        this.detail = detail;
    }

    /** One signature and nothing scheme-specific: the header schemes. */
    public Credentials(String keyId, String timestampText, Instant timestamp, String nonce, byte[] signature) {
        this(keyId, timestampText, timestamp, nonce, List.of(signature), null);
    }

    public String keyId() {
        return keyId;
    }

    public String timestampText() {
        return timestampText;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String nonce() {
        return nonce;
    }

    /** The first signature. */
    public byte[] signature() {
        return signatures.get(0).clone();
    }

    public List<byte[]> signatures() {
        return copies(signatures);
    }

    private static List<byte[]> copies(List<byte[]> signatures) {
        byte[][] copies = new byte[signatures.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = signatures.get(i).clone();
        }
        return List.of(copies);
    }

    public Object detail() {
        return detail;
    }

    /** The first signature as hex: a stable form for replay keys, whatever the wire encoding was. */
    public String signatureHex() {
        return LowerHex.encode(signatures.get(0));
    }

    @Override
    public String toString() {
        return "Credentials[keyId=" + keyId + ", timestamp=" + timestampText + ", nonce=" + nonce + "]";
    }
}
