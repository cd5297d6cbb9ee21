package dev.signet.examples.cli;

import dev.signet.core.crypto.BodyHash;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.ReplayKey;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.verification.Credentials;
import dev.signet.core.verification.Failure;
import dev.signet.core.verification.ParsedCredentials;
import dev.signet.core.verification.ReceivedRequest;
import dev.signet.core.verification.Refusal;
import dev.signet.core.verification.SignatureVerifier;
import dev.signet.examples.cli.Explanation.Status;
import dev.signet.examples.cli.Explanation.Step;
import dev.signet.provider.keys.KeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Walks a request through the server's pipeline with core's own step methods, in the server's order, and
 * stops at the first failure as the server does. Steps 1, 2, 3, 5 and 7 are decided here exactly as the
 * server decides them; the others need the server's state and are only described.
 */
final class RequestExplainer {

    private final Scheme scheme;
    private final Clock clock;
    private final KeyRepository keys;
    private final SignatureVerifier verifier;

    RequestExplainer(Scheme scheme, Clock clock, KeyRepository keys) {
        this.scheme = scheme;
        this.clock = clock;
        this.keys = keys;
        this.verifier = new SignatureVerifier(scheme, clock);
    }

    Explanation explain(ReceivedRequest request, BodyHash bodyHash) {
        List<Step> steps = new ArrayList<>();
        ParsedCredentials parsed = verifier.readCredentials(request);
        if (parsed instanceof Refusal refusal) {
            steps.add(new Step(1, "credentials", Status.FAILED, refusal.detail() + "; this preset reads " + headerNames()));
            return stopped(steps, Optional.empty(), refusal, Optional.empty());
        }
        Credentials credentials = (Credentials) parsed;
        Optional<String> signedString = Optional.of(verifier.signedStringRedacted(credentials, request, bodyHash));
        steps.add(new Step(1, "credentials", Status.PASSED, "key id " + credentials.keyId() + ", timestamp "
                + credentials.timestampText() + (credentials.nonce() == null ? "" : ", nonce " + credentials.nonce())));

        Optional<ApiKey> found = keys.find(credentials.keyId());
        if (found.isEmpty()) {
            Refusal unknown = Refusal.of(Failure.UNKNOWN_KEY, "Unknown API key");
            steps.add(new Step(2, "key lookup", Status.FAILED, "no key " + credentials.keyId() + " among the keys given"));
            return stopped(steps, signedString, unknown, Optional.empty());
        }
        ApiKey key = found.get();
        steps.add(new Step(2, "key lookup", Status.PASSED, credentials.keyId() + " found"));
        Optional<Boolean> hint = Optional.of(verifier.checkSignature(credentials, request, bodyHash, key).isEmpty());

        Optional<Refusal> status = verifier.checkKeyStatus(key);
        if (status.isPresent()) {
            steps.add(new Step(3, "key status", Status.FAILED, status.get().detail()));
            return stopped(steps, signedString, status.get(), hint);
        }
        steps.add(new Step(3, "key status", Status.PASSED, key.status().name().toLowerCase(Locale.ROOT)
                + (key.expiresAt() == null ? "" : ", expires " + key.expiresAt())));
        steps.add(new Step(4, "tenant", Status.NOT_CHECKED, "decided by the server's signet.tenant-header setting; key tenant: "
                + (key.tenant() == null ? "none" : key.tenant())));

        Optional<Refusal> window = verifier.checkWindow(credentials);
        steps.add(new Step(5, "time window", window.isPresent() ? Status.FAILED : Status.PASSED, drift(credentials)));
        if (window.isPresent()) {
            return stopped(steps, signedString, window.get(), hint);
        }
        steps.add(new Step(6, "replay", Status.NOT_CHECKED, scheme.replayKey() == ReplayKey.NONE
                ? "none under this preset: its signature is meant to be reused for the whole window"
                : "needs the server's replay cache; it accepts each " + replayUnit() + " once"));

        Optional<Refusal> signature = verifier.checkSignature(credentials, request, bodyHash, key);
        if (signature.isPresent()) {
            steps.add(new Step(7, "signature", Status.FAILED, signature.get().detail() + ": the MAC in "
                    + scheme.headers().signature() + " is not the MAC of the signed string under this key's secret"));
            return stopped(steps, signedString, signature.get(), Optional.empty());
        }
        steps.add(new Step(7, "signature", Status.PASSED, "matches"));
        steps.add(new Step(8, "replay record", Status.NOT_CHECKED, "the server records the request as accepted"));
        steps.add(new Step(9, "IP allowlist", Status.NOT_CHECKED, key.allowedIps().isEmpty() ? "key allows any address"
                : "key allows " + key.allowedIps() + "; the server checks the caller's address"));
        steps.add(new Step(10, "scope", Status.NOT_CHECKED, "key holds " + (key.scopes().isEmpty() ? "no scope"
                : String.join(" ", new TreeSet<>(key.scopes()))) + "; the endpoint's @SignedRequired(scopes) decides"));
        steps.add(new Step(11, "rate limit", Status.NOT_CHECKED, key.rateLimitPerMinute() == 0 ? "key has no limit"
                : "key may make " + key.rateLimitPerMinute() + " requests a minute"));
        return new Explanation(steps, signedString, Optional.empty(), Optional.empty());
    }

    private Explanation stopped(List<Step> steps, Optional<String> signedString, Refusal refusal, Optional<Boolean> hint) {
        int last = steps.get(steps.size() - 1).number();
        if (last < 11) {
            steps.add(new Step(last + 1, "...", Status.NOT_REACHED, "the server answers here; steps " + (last + 1)
                    + " to 11 do not run"));
        }
        return new Explanation(steps, signedString, Optional.of(refusal), hint);
    }

    private String drift(Credentials credentials) {
        Duration drift = Duration.between(credentials.timestamp(), clock.instant());
        long seconds = Math.abs(drift.toSeconds());
        String when = drift.isNegative() ? " s in the future" : " s old";
        return "timestamp " + credentials.timestamp() + " is " + seconds + when + "; the window is "
                + scheme.window().toSeconds() + " s either way";
    }

    private String replayUnit() {
        return scheme.replayKey() == ReplayKey.NONCE ? scheme.headers().nonce() + " value"
                : "(key id, timestamp, signature)";
    }

    private String headerNames() {
        List<String> names = new ArrayList<>(List.of(scheme.headers().keyId(), scheme.headers().timestamp()));
        if (scheme.headers().hasNonce()) {
            names.add(scheme.headers().nonce());
        }
        names.add(scheme.headers().signature());
        return String.join(", ", names);
    }
}
