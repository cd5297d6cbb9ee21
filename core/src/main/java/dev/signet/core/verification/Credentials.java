package dev.signet.core.verification;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Well-formed signature headers, as received. {@code timestampText} is kept verbatim because it is what
 * was signed; {@code nonce} is {@code null} when the scheme has none.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals and hashCode compare the bytes
public record Credentials(String keyId, String timestampText, Instant timestamp, String nonce, byte[] signature)
        implements ParsedCredentials {

    public Credentials {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature bytes as hex: a stable form for replay keys, whatever the wire encoding was. */
    public String signatureHex() {
        return HexFormat.of().formatHex(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && keyId.equals(c.keyId) && timestampText.equals(c.timestampText)
                && java.util.Objects.equals(nonce, c.nonce) && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Credentials[keyId=" + keyId + ", timestamp=" + timestampText + ", nonce=" + nonce + "]";
    }
}
