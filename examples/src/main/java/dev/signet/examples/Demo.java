package dev.signet.examples;

import dev.signet.core.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.signing.RequestSigner;
import dev.signet.core.signing.RequestToSign;
import dev.signet.core.signing.SignedHeaders;
import dev.signet.core.verification.HeaderSource;
import dev.signet.core.verification.ReceivedRequest;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.core.verification.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** A signed round trip under every preset, in one process: sign, verify, then tamper and verify again. */
public final class Demo {

    public static void main(String[] args) {
        ApiKey key = ApiKey.of("demo-key", "demo-secret-" + Long.toHexString(System.nanoTime()));
        byte[] body = "{\"amount\":\"100.00\"}".getBytes(StandardCharsets.UTF_8);
        System.out.printf("%-18s %-10s %-28s%n", "preset", "valid", "tampered body");
        for (Scheme scheme : Presets.all()) {
            RequestToSign request = new RequestToSign("POST", "/api/v1/transfers", BodyHash.of(body));
            SignedHeaders headers = RequestSigner.of(scheme).sign(request, key.id(), key.signingSecret());
            SignatureVerifier verifier = new SignatureVerifier(scheme, Clock.systemUTC());
            ReceivedRequest received = new ReceivedRequest("POST", "/api/v1/transfers", HeaderSource.of(headers.headers()));
            Verification valid = verifier.verify(received, BodyHash.of(body), id -> Optional.of(key));
            Verification tampered = verifier.verify(received, BodyHash.of("{\"amount\":\"999.00\"}".getBytes(StandardCharsets.UTF_8)),
                    id -> Optional.of(key));
            System.out.printf("%-18s %-10s %-28s%n", scheme.name(), outcome(valid), outcome(tampered));
        }
    }

    private static String outcome(Verification v) {
        return v instanceof dev.signet.core.verification.Refusal r ? "refused (" + r.failure() + ")" : "accepted";
    }
}
