// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.rfc9421.Rfc9421Policy;
import dev.signet.core.internal.rfc9421.Rfc9421Scheme;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.internal.verification.Credentials;
import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.Refusal;
import dev.signet.core.internal.verification.Verification;
import dev.signet.core.internal.verification.VerificationPipeline;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Component;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.ReceivedRequest;
import dev.signet.examples.cli.CapturedRequest.Header;
import dev.signet.examples.cli.Explanation.Status;
import dev.signet.examples.cli.Explanation.Step;
import dev.signet.provider.keys.KeyRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code signet explain}: shows what a Signet server makes of a captured request: the string it signs
 * (secret redacted) and the step of its pipeline that refuses the request, or that every step it can
 * check offline passes. Exit status 0 when it passes, 1 when a step refuses it.
 */
final class ExplainCommand {

    static final String USAGE = """
            explain --preset NAME (--headers-file FILE | --header 'Name: value' ...)
                    [--method METHOD] [--url URL | --path PATH] [--body TEXT | --body-file FILE]
                    (--keys FILE | --secret SECRET) [--at TIME]
                Show the string a Signet server signs for a captured request (secret redacted) and which
                step of its pipeline refuses it, or that every step that can be checked offline passes.
                --headers-file takes a raw HTTP request (request line, headers, blank line, body), the '>'
                lines of curl -v, or 'Name: value' lines; options given on the command line win over it.
                --keys is the server's key file; --secret checks against one secret for whichever key id
                the request names. --at evaluates the time window at TIME (epoch seconds or an ISO-8601
                instant) instead of now, for a capture from a log. Exit status 0 passes, 1 refused.
                --preset rfc9421 prints the RFC 9421 signature base the server builds (its default
                policy) and needs the absolute --url the client signed (@target-uri), or a request line
                and Host header in the headers file from which http://HOST/TARGET is assumed.
            """;

    private static final Set<String> OPTIONS = Set.of("preset", "headers-file", "header", "method", "url", "path",
            "body", "body-file", "keys", "secret", "at");

    private static final int WIDTH = 100;

    private final Clock clock;
    private final PrintStream out;

    ExplainCommand(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    int run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, Set.of(), OPTIONS);
        if (Rfc9421Scheme.NAME.equals(arguments.required("preset"))) {
            return explainRfc9421(arguments);
        }
        Scheme scheme = PresetOption.named(arguments.required("preset"));
        CapturedRequest captured = captured(arguments);
        String method = arguments.value("method").or(captured::method)
                .orElseThrow(() -> new UsageException("--method is required (the headers file has no request line)"))
                .toUpperCase(Locale.ROOT);
        String path = path(arguments, captured);
        byte[] body = BodyOptions.read(arguments).map(BodyOptions::bytes).or(captured::body).orElse(new byte[0]);
        Clock at = at(arguments);

        ReceivedRequest request = new ReceivedRequest(method, path, headerSource(captured.headers()));
        BodyHash bodyHash = BodyHash.of(body);
        KeyRepository keys = keys(arguments);
        Explanation explanation = new RequestExplainer(scheme, at, keys).explain(request, bodyHash);
        print(scheme, request, body.length, bodyHash, at, explanation);
        return explanation.passes() ? 0 : 1;
    }

    /** RFC 9421: the same offline pipeline, with the signature base in place of a signed string. */
    private int explainRfc9421(Arguments arguments) throws UsageException {
        CapturedRequest captured = captured(arguments);
        String method = arguments.value("method").or(captured::method)
                .orElseThrow(() -> new UsageException("--method is required (the headers file has no request line)"))
                .toUpperCase(Locale.ROOT);
        String target = arguments.value("url").orElse(null);
        if (target == null) {
            String host = captured.headers().stream().filter(h -> h.name().equalsIgnoreCase("Host")).map(Header::value)
                    .findFirst().orElseThrow(() -> new UsageException("--url is required (no Host header to rebuild it from)"));
            String requestTarget = arguments.value("path").or(captured::target)
                    .orElseThrow(() -> new UsageException("--url is required (the headers file has no request line)"));
            target = "http://" + host.trim() + requestTarget;
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new UsageException("not a URL: " + target);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new UsageException("--url must be absolute (scheme and host): RFC 9421 signs @target-uri");
        }
        byte[] body = BodyOptions.read(arguments).map(BodyOptions::bytes).or(captured::body).orElse(new byte[0]);
        Clock at = at(arguments);
        ReceivedRequest request = new ReceivedRequest(method, uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                : uri.getRawPath(), uri.getRawQuery(), headerSource(captured.headers()), null, target);
        KeyRepository keys = keys(arguments);
        Rfc9421Scheme scheme = new Rfc9421Scheme(Rfc9421Policy.DEFAULT);
        VerificationPipeline pipeline = VerificationPipeline.offline(scheme, at, keys::find);
        List<String> lines = new ArrayList<>();
        dev.signet.core.internal.verification.Trace trace = (step, outcome, detail) -> lines.add(String.format("  %-5s %-14s %-12s %s",
                step.number(), step.label(), label(switch (outcome) {
                    case PASSED -> Status.PASSED;
                    case FAILED -> Status.FAILED;
                    case NOT_CHECKED -> Status.NOT_CHECKED;
                }), detail));
        Verification outcome;
        try {
            outcome = pipeline.verify(request, BodySource.of(body), Endpoint.scoped(Set.of()), trace);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        out.println("preset   rfc9421  (Signet's default policy: @method, @target-uri or @authority+@path(+@query),"
                + " content-digest with a body)");
        out.println("request  " + method + " " + target);
        out.println("body     " + body.length + " bytes");
        out.println("checked  at " + at.instant());
        out.println();
        if (pipeline.readCredentials(request) instanceof Credentials c && c.detail() instanceof Rfc9421Scheme.Selected selected) {
            out.println("signature " + selected.signature().label() + ": base the server builds, each line after '|':");
            selected.base().lines().forEach(line -> out.println("  |" + line));
            out.println();
        }
        out.println("pipeline");
        lines.forEach(out::println);
        out.println();
        if (outcome instanceof Refusal refusal) {
            out.println("verdict  REFUSED at step " + refusal.failure().step().number() + ": " + refusal.failure()
                    + " (" + refusal.detail() + ")");
            return 1;
        }
        out.println("verdict  PASSES every step that can be checked offline (1, 2, 3, 5, 7); the server still"
                + " decides replay, allowlist, scope and rate limit.");
        return 0;
    }

    private static CapturedRequest captured(Arguments arguments) throws UsageException {
        List<Header> headers = new ArrayList<>();
        CapturedRequest fromFile = new CapturedRequest(Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        Optional<String> file = arguments.value("headers-file");
        if (file.isPresent()) {
            try {
                fromFile = CapturedRequest.parse(Files.readAllBytes(Path.of(file.get())));
            } catch (IOException e) {
                throw new UsageException("cannot read --headers-file " + file.get() + ": " + e.getMessage());
            }
            headers.addAll(fromFile.headers());
        }
        for (String header : arguments.all("header")) {
            headers.add(CapturedRequest.header(header));
        }
        if (headers.isEmpty()) {
            throw new UsageException("give the request's headers with --headers-file or --header");
        }
        return new CapturedRequest(fromFile.method(), fromFile.target(), headers, fromFile.body());
    }

    /** The raw path the server sees: percent-encoding kept, no query. */
    private static String path(Arguments arguments, CapturedRequest captured) throws UsageException {
        Optional<String> url = arguments.value("url");
        Optional<String> path = arguments.value("path");
        if (url.isPresent() && path.isPresent()) {
            throw new UsageException("give --url or --path, not both");
        }
        String target = url.or(() -> path).or(captured::target)
                .orElseThrow(() -> new UsageException("--url or --path is required (the headers file has no request line)"));
        try {
            String raw = new URI(target).getRawPath();
            return raw == null || raw.isEmpty() ? "/" : raw;
        } catch (URISyntaxException e) {
            throw new UsageException("not a URL or path: " + target);
        }
    }

    private Clock at(Arguments arguments) throws UsageException {
        Optional<String> at = arguments.value("at");
        if (at.isEmpty()) {
            // One instant for the whole explanation, so every line speaks of the same "now".
            return Clock.fixed(clock.instant(), ZoneOffset.UTC);
        }
        String text = at.get().trim();
        try {
            Instant instant = text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : Instant.parse(text);
            return Clock.fixed(instant, ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw new UsageException("--at takes epoch seconds or an ISO-8601 instant, not '" + text + "'");
        }
    }

    private static KeyRepository keys(Arguments arguments) throws UsageException {
        Optional<String> keys = arguments.value("keys");
        Optional<String> secret = arguments.value("secret");
        if (keys.isPresent() == secret.isPresent()) {
            throw new UsageException("give the server's keys with --keys FILE, or one --secret");
        }
        if (keys.isPresent()) {
            return KeyFiles.load(Path.of(keys.get()));
        }
        String value = secret.get();
        return keyId -> Optional.of(ApiKey.of(keyId, value));
    }

    /** Repeated names stay repeated, so a duplicated signature header is refused here as on the server. */
    private static HeaderSource headerSource(List<Header> headers) {
        return name -> headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    private void print(Scheme scheme, ReceivedRequest request, int bodyLength, BodyHash bodyHash, Clock at,
            Explanation explanation) {
        out.println("preset   " + scheme.name() + "  (signs " + covered(scheme) + ")");
        out.println("request  " + request.method() + " " + request.path());
        out.println("body     " + bodyLength + " bytes, sha256 " + bodyHash.hex());
        out.println("checked  at " + at.instant());
        out.println();
        explanation.signedString().ifPresent(signed -> {
            out.println("signed string the server computes (secret redacted), each line after '|':");
            signed.lines().forEach(line -> out.println("  |" + line));
            out.println();
        });
        out.println("pipeline");
        for (Step step : explanation.steps()) {
            String number = step.status() == Status.NOT_REACHED ? step.number() + "-11" : String.valueOf(step.number());
            String name = step.status() == Status.NOT_REACHED ? "" : step.name();
            out.printf("  %-5s %-14s %-12s %s%n", number, name, label(step.status()), step.detail());
        }
        out.println();
        if (explanation.passes()) {
            out.println("verdict  PASSES every step that can be checked offline (1, 2, 3, 5, 7); the server still"
                    + " decides replay, allowlist, scope and rate limit.");
            return;
        }
        Step failed = explanation.failedStep().orElseThrow();
        Failure failure = explanation.refusal().orElseThrow().failure();
        out.println("verdict  REFUSED at step " + failed.number() + " (" + failed.name() + "): " + failure);
        hint(scheme, failure, explanation).ifPresent(hint -> out.print(wrapped("hint     ", hint)));
    }

    /** The text after a label, wrapped at word boundaries and indented under its first line. */
    private static String wrapped(String label, String text) {
        StringBuilder out = new StringBuilder(label);
        int column = label.length();
        for (String word : text.split(" ", 0)) {
            if (column > label.length() && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(label.length()));
                column = label.length();
            } else if (column > label.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }

    private static String label(Status status) {
        return switch (status) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case NOT_CHECKED -> "not checked";
            case NOT_REACHED -> "not reached";
        };
    }

    private static Optional<String> hint(Scheme scheme, Failure failure, Explanation explanation) {
        String signatureAfterwards = explanation.signatureHint()
                .map(matches -> " The signature itself " + (matches ? "matches." : "does not match either.")).orElse("");
        return Optional.ofNullable(switch (failure) {
            case MISSING_CREDENTIALS, MALFORMED_CREDENTIALS ->
                    "the request must carry each of these headers once, well formed, under this preset.";
            case UNKNOWN_KEY -> "the key id is not among the keys given; check --keys, or the key id the client uses.";
            case KEY_DISABLED, KEY_REVOKED, KEY_EXPIRED -> "the key is no longer active in the key file." + signatureAfterwards;
            case TIMESTAMP_OUT_OF_WINDOW -> "the client's clock is off, or the capture is older than the window;"
                    + " --at evaluates it at another time." + signatureAfterwards;
            case SIGNATURE_MISMATCH -> "the client MACed another string, or with another secret. This preset signs "
                    + covered(scheme) + ": a changed body byte, JSON re-serialised after signing, a path without"
                    + " its context root or with other percent-encoding, or the wrong secret all end here. Compare"
                    + " with the client's string (signet sign --show-signed-string prints it).";
            default -> null;
        });
    }

    private static String covered(Scheme scheme) {
        return Arrays.stream(Component.values()).filter(scheme::covers).map(Component::templateName)
                .collect(Collectors.joining(", "));
    }
}
