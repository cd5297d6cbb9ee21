// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.crypto.HmacSha256;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Step 1: every credential header of the scheme present once, short enough, and well formed. */
public final class CredentialReader {

    private final Scheme scheme;

    public CredentialReader(Scheme scheme) {
        this.scheme = scheme;
    }

    public ParsedCredentials read(HeaderSource headers) {
        SchemeHeaders names = scheme.headers();
        Header keyId = Header.read(headers, names.keyId());
        Header timestamp = Header.read(headers, names.timestamp());
        Header signature = Header.read(headers, names.signature());
        Header nonce = names.hasNonce() ? Header.read(headers, names.nonce()) : Header.NOT_USED;
        if (keyId.absent() && timestamp.absent() && signature.absent() && (!names.hasNonce() || nonce.absent())) {
            return Refusal.of(Failure.MISSING_CREDENTIALS, "No signature headers");
        }
        Refusal problem = keyId.problem != null ? keyId.problem : timestamp.problem != null ? timestamp.problem
                : signature.problem != null ? signature.problem : nonce.problem;
        if (problem != null) {
            return problem;
        }
        if (!CanonicalRequest.isWellFormedKeyId(keyId.value)) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.keyId());
        }
        Optional<Instant> instant = scheme.timestampFormat().parse(timestamp.value);
        if (instant.isEmpty()) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.timestamp());
        }
        if (names.hasNonce() && !scheme.nonceFormat().accepts(nonce.value)) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.nonce());
        }
        Optional<byte[]> mac = scheme.encoding().decode(signature.value, HmacSha256.LENGTH);
        if (mac.isEmpty()) {
            return Refusal.of(Failure.MALFORMED_CREDENTIALS, "Malformed " + names.signature());
        }
        return new Credentials(keyId.value, timestamp.value, instant.get(), names.hasNonce() ? nonce.value : null, mac.get());
    }

    /** One credential header as read: its value, or the refusal it earns. */
    private record Header(String value, Refusal problem) {

        static final Header NOT_USED = new Header("", null);

        static Header read(HeaderSource headers, String name) {
            List<String> values = headers.values(name);
            if (values.size() > 1) {
                return new Header(null, Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + name + " must appear once"));
            }
            String value = values.isEmpty() ? null : CanonicalRequest.headerValue(values.get(0));
            if (value == null || value.isEmpty()) {
                return new Header(null, Refusal.of(Failure.MISSING_CREDENTIALS, "Missing header " + name));
            }
            if (value.length() > CanonicalRequest.MAX_HEADER_LENGTH) {
                return new Header(null, Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + name + " is too long"));
            }
            return new Header(value, null);
        }

        boolean absent() {
            return problem != null && problem.failure() == Failure.MISSING_CREDENTIALS;
        }
    }
}
