// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import dev.signet.core.rfc9421.DigestAlgorithm;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.internal.rfc9421.ContentDigest;
import dev.signet.core.internal.rfc9421.Rfc9421Scheme;
import dev.signet.core.internal.rfc9421.Rfc9421Signer;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.keys.ApiKey;
import dev.signet.core.keys.Secret;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.internal.signing.RequestSigner;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code signet sign}: signs one request now, with core's signer (or, under a webhook preset, as the sender
 * signs), and prints the headers or a curl command.
 */
final class SignCommand {

    static final String USAGE = """
            sign --preset NAME --url URL [--method METHOD] [--body TEXT | --body-file FILE]
                 (--keys FILE [--key-id ID] | --key-id ID --secret SECRET
                  | --preset rfc9421 --key-id ID --algorithm ALG --private-key FILE)
                 [--content-type TYPE] [--curl] [--show-signed-string]
                Sign one request now and print its signature headers, one 'Name: value' a line, or
                with --curl a ready curl command (pipe it to sh). The signed path is the URL's raw path,
                without the query. --method defaults to POST with a body and GET without; a body is sent
                as application/json unless --content-type says otherwise. --show-signed-string prints the
                string that was MACed (secret redacted) on stderr. Signatures expire with the preset's
                window, and most presets accept one only once: sign again for every call.
                Under a webhook preset (standard-webhooks, stripe, github, slack, shopify) it signs as that
                sender, with --secret SECRET or the key of --keys FILE whose id is --key-id (by default the
                preset's name), every secret of it that is valid now (Stripe and Standard Webhooks senders
                sign with each); --delivery-id sets the delivery or message id (a fresh one by default).
                --preset rfc9421 signs an RFC 9421 message signature over @method, @target-uri (the whole
                URL, query included) and, with a body, a Content-Digest it adds; with a secret it is
                hmac-sha256, with --private-key (PKCS#8 PEM) the --algorithm of the key (ed25519,
                ecdsa-p256-sha256, ecdsa-p384-sha384, rsa-pss-sha512, rsa-v1_5-sha256).
                --show-signed-string then prints the signature base.
            """;

    private static final Set<String> FLAGS = Set.of("curl", "show-signed-string");
    private static final Set<String> OPTIONS = Set.of("preset", "url", "method", "body", "body-file", "keys", "key-id",
            "secret", "content-type", "delivery-id", "private-key", "algorithm");

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    SignCommand(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    int run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, FLAGS, OPTIONS);
        Optional<WebhookScheme> webhook = PresetOption.webhook(arguments.required("preset"));
        if (webhook.isPresent()) {
            return signWebhook(webhook.get(), arguments);
        }
        if (arguments.value("delivery-id").isPresent()) {
            throw new UsageException("--delivery-id is for the webhook presets");
        }
        if (Rfc9421Scheme.NAME.equals(arguments.required("preset"))) {
            return signRfc9421(arguments);
        }
        Scheme scheme = PresetOption.named(arguments.required("preset"));
        String url = arguments.required("url");
        URI uri = absoluteHttp(url);
        Optional<BodyOptions> body = BodyOptions.read(arguments);
        String method = arguments.value("method").orElse(body.isPresent() ? "POST" : "GET").toUpperCase(Locale.ROOT);
        ApiKey key = SigningKeyOptions.resolve(arguments);

        CanonicalRequest request = new CanonicalRequest(method, rawPath(uri), uri.getRawQuery(), BodyHash.of(body.map(BodyOptions::bytes).orElse(new byte[0])));
        String timestamp = scheme.timestampFormat().format(clock.instant());
        String nonce = scheme.headers().hasNonce() ? UUID.randomUUID().toString() : null;
        // Timestamp and nonce are taken here, not inside the signer, so the signed string shown is the one signed.
        RequestSigner signer = new RequestSigner(scheme, clock, () -> nonce);
        SignedHeaders signed = signer.signAt(request, key.id(), key.signingSecret(), timestamp, nonce);

        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        if (body.isPresent()) {
            headers.put("Content-Type", arguments.value("content-type").orElse("application/json"));
        }
        if (arguments.has("show-signed-string")) {
            err.println("signed string (secret redacted):");
            signer.signedStringRedacted(request, key.id(), timestamp, nonce).lines().forEach(line -> err.println("  |" + line));
        }
        return print(arguments, method, url, headers, body);
    }

    /** Signs as a webhook sender: its headers over the raw body, for the secret(s) given. */
    private int signWebhook(WebhookScheme scheme, Arguments arguments) throws UsageException {
        String url = arguments.required("url");
        absoluteHttp(url);
        Optional<BodyOptions> body = BodyOptions.read(arguments);
        String method = arguments.value("method").orElse("POST").toUpperCase(Locale.ROOT);
        List<Secret> secrets = webhookSecrets(scheme, arguments);
        WebhookScheme.Delivery delivery;
        try {
            delivery = new WebhookScheme.Delivery(arguments.value("delivery-id")
                    .orElseGet(() -> "msg_" + UUID.randomUUID().toString().replace("-", "")), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--delivery-id: " + e.getMessage());
        }
        byte[] bytes = body.map(BodyOptions::bytes).orElse(new byte[0]);
        Map<String, String> headers;
        try {
            headers = new LinkedHashMap<>(scheme.sign(delivery, secrets, BodySource.of(bytes)).headers());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        if (body.isPresent()) {
            headers.put("Content-Type", arguments.value("content-type").orElse("application/json"));
        }
        if (arguments.has("show-signed-string")) {
            err.println("signed content (as the sender MACs it):");
            err.println("  |" + scheme.signedContentRedacted(delivery, bytes.length));
        }
        return print(arguments, method, url, headers, body);
    }

    /** RFC 9421: the default components of Signet's policy, a fresh created and nonce, Content-Digest for a body. */
    private int signRfc9421(Arguments arguments) throws UsageException {
        String url = arguments.required("url");
        absoluteHttp(url);
        Optional<BodyOptions> body = BodyOptions.read(arguments);
        String method = arguments.value("method").orElse(body.isPresent() ? "POST" : "GET").toUpperCase(Locale.ROOT);
        Rfc9421Options.Signing signing = Rfc9421Options.resolve(arguments);
        Map<String, String> headers = new LinkedHashMap<>();
        if (body.isPresent()) {
            headers.put("Content-Type", arguments.value("content-type").orElse("application/json"));
        }
        Map<DigestAlgorithm, byte[]> digests = null;
        if (body.isPresent()) {
            ContentDigest.Hasher hasher = new ContentDigest.Hasher(Set.of(DigestAlgorithm.SHA_256));
            byte[] bytes = body.get().bytes();
            hasher.update(bytes, 0, bytes.length);
            digests = hasher.finish();
        }
        Rfc9421Signer.Result result;
        try {
            result = Rfc9421Signer.builder(signing.keyId(), signing.key()).build().sign(method, url,
                    HeaderSource.of(headers), digests, clock.instant(), UUID.randomUUID().toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        headers.putAll(result.headers());
        if (arguments.has("show-signed-string")) {
            err.println("signature base (" + signing.key().algorithm().rfcName() + "), each line after '|':");
            result.signed().base().lines().forEach(line -> err.println("  |" + line));
        }
        return print(arguments, method, url, headers, body);
    }

    /** {@code --secret}, or the valid secrets of the key file's key named by {@code --key-id} or the preset. */
    private List<Secret> webhookSecrets(WebhookScheme scheme, Arguments arguments) throws UsageException {
        Optional<String> keys = arguments.value("keys");
        Optional<String> secret = arguments.value("secret");
        if (keys.isPresent() == secret.isPresent()) {
            throw new UsageException("give --keys FILE or --secret SECRET (the sender's signing secret), one of them");
        }
        if (secret.isPresent()) {
            return List.of(Secret.of(secret.get()));
        }
        String id = arguments.value("key-id").orElse(scheme.name());
        Path file = Path.of(keys.get());
        ApiKey key = KeyFiles.load(file).find(id).orElseThrow(() -> new UsageException("no key " + id + " in " + file
                + " (a webhook key's id is its preset's name unless --key-id names another)"));
        List<Secret> valid = key.secretsValidAt(clock.instant());
        if (valid.isEmpty()) {
            throw new UsageException("key " + id + " has no secret valid now");
        }
        return valid;
    }

    /** The signed headers, or with {@code --curl} a ready command that sends them. */
    private int print(Arguments arguments, String method, String url, Map<String, String> headers, Optional<BodyOptions> body) {
        if (arguments.has("curl")) {
            out.println(CurlCommand.render(method, url, headers, body));
        } else {
            headers.forEach((name, value) -> out.println(name + ": " + value));
        }
        return 0;
    }

    private static URI absoluteHttp(String url) throws UsageException {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getRawAuthority() == null) {
                throw new UsageException("--url must be an absolute http or https URL, not '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
    }

    /** What the server sees on the request line: percent-encoding kept, no query, "/" when empty. */
    static String rawPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
