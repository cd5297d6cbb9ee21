// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.settings;

import dev.signet.core.internal.address.ForwardedHeader;
import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import dev.signet.core.internal.rfc9421.ComponentId;
import dev.signet.core.internal.rfc9421.Rfc9421Policy;
import dev.signet.core.keys.IpRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every setting of the provider, each declared once below with its name, default and allowed values, read
 * once at start. A bad value fails the deployment with {@link InvalidSettingException}. The README's
 * settings table describes each.
 */
public record SignetSettings(
        String scheme,
        Optional<Duration> window,
        Duration clockSkew,
        long maxBodyBytes,
        int spoolThresholdBytes,
        Optional<String> spoolDirectory,
        Optional<String> infinispanConfig,
        String infinispanCache,
        List<IpRange> trustedProxies,
        ForwardedHeader forwardedHeader,
        boolean diagnostics,
        Optional<String> keysFile,
        Optional<String> tenantHeader,
        String realm,
        int defaultRatePerMinute,
        Map<String, Map<String, String>> customSchemes,
        Optional<JdbcKeySettings> jdbcKeys,
        Map<String, String> schemeKeys,
        Rfc9421Policy rfc9421,
        ResponseSigning responseSigning,
        Optional<String> hotRodUri,
        String rateCache,
        String idempotencyCache,
        Duration idempotencyRetention,
        Duration idempotencyInFlight,
        int idempotencyMaxResponseBytes) {

    /**
     * RFC 9421 response signatures: whether every rfc9421 endpoint signs its responses (else only those with
     * {@code @SignedRequired(signResponse = true)}), and the server's own key: its id, algorithm and a file
     * holding its PKCS#8 PEM private key (or, for hmac-sha256, the secret as text).
     */
    public record ResponseSigning(boolean all, Optional<String> keyId, Optional<String> algorithm, Optional<String> keyFile) {
    }

    private static final long MAX_BODY_CEILING = 1L << 40; // 1 TiB: above it a typo is likelier than a need

    static final Setting<String> SCHEME = new Setting<>("signet.scheme", "canonical-nonce", s -> s);
    static final Setting<Duration> WINDOW = new Setting<>("signet.window-seconds", null,
            Setting.longBetween(1, 3600, "seconds").andThen(Duration::ofSeconds));
    static final Setting<Duration> CLOCK_SKEW = new Setting<>("signet.clock-skew-seconds", "5",
            Setting.longBetween(0, 300, "seconds").andThen(Duration::ofSeconds));
    static final Setting<Long> MAX_BODY = new Setting<>("signet.max-body-bytes", String.valueOf(10L * 1024 * 1024),
            Setting.longBetween(0, MAX_BODY_CEILING, "bytes"));
    static final Setting<Integer> SPOOL_THRESHOLD = new Setting<>("signet.spool-threshold-bytes", String.valueOf(64 * 1024),
            Setting.intBetween(0, 64 * 1024 * 1024, "bytes"));
    static final Setting<String> SPOOL_DIRECTORY = new Setting<>("signet.spool-directory", null, s -> s);
    static final Setting<String> INFINISPAN_CONFIG = new Setting<>("signet.infinispan.config", null, s -> s);
    static final Setting<String> INFINISPAN_CACHE = new Setting<>("signet.infinispan.cache", "signet-nonces", s -> s);
    static final Setting<List<IpRange>> TRUSTED_PROXIES = new Setting<>("signet.trusted-proxies", "",
            s -> list(s).stream().map(IpRange::parse).toList());
    static final Setting<ForwardedHeader> FORWARDED_HEADER = new Setting<>("signet.forwarded-header", "X-Forwarded-For",
            ForwardedHeader::named);
    static final Setting<Boolean> DIAGNOSTICS = new Setting<>("signet.diagnostics", "false", Setting::bool);
    static final Setting<String> KEYS_FILE = new Setting<>("signet.keys.file", null, s -> s);
    static final Setting<String> TENANT_HEADER = new Setting<>("signet.tenant-header", null, SignetSettings::token);
    static final Setting<String> REALM = new Setting<>("signet.realm", "api", SignetSettings::realm);
    static final Setting<Integer> DEFAULT_RATE = new Setting<>("signet.rate-limit.default-per-minute", "6000",
            Setting.intBetween(0, 10_000_000, "requests per minute"));
    static final Setting<List<String>> SCHEMES = new Setting<>("signet.schemes", "", SignetSettings::list);
    static final Setting<String> JDBC_DATASOURCE = new Setting<>("signet.keys.jdbc.datasource", null, s -> s);
    static final Setting<String> JDBC_URL = Setting.secret("signet.keys.jdbc.url", SignetSettings::jdbcUrl);
    static final Setting<String> JDBC_USER = new Setting<>("signet.keys.jdbc.user", null, s -> s);
    static final Setting<String> JDBC_PASSWORD = Setting.secret("signet.keys.jdbc.password", s -> s);
    static final Setting<Duration> JDBC_CACHE = new Setting<>("signet.keys.jdbc.cache-seconds", "5",
            Setting.longBetween(0, 300, "seconds").andThen(Duration::ofSeconds));
    static final Setting<Integer> JDBC_CACHE_SIZE = new Setting<>("signet.keys.jdbc.cache-size", "10000",
            Setting.intBetween(1, 10_000_000, "keys"));
    static final Setting<String> HOTROD_URI = Setting.secret("signet.infinispan.hotrod-uri", SignetSettings::hotRodUri);
    static final Setting<String> RATE_CACHE = new Setting<>("signet.infinispan.rate-cache", "signet-rates", s -> s);
    static final Setting<String> IDEMPOTENCY_CACHE = new Setting<>("signet.infinispan.idempotency-cache",
            "signet-idempotency", s -> s);
    static final Setting<Duration> IDEMPOTENCY_RETENTION = new Setting<>("signet.idempotency.retention-seconds",
            String.valueOf(24 * 3600), Setting.longBetween(1, 30L * 24 * 3600, "seconds").andThen(Duration::ofSeconds));
    static final Setting<Duration> IDEMPOTENCY_IN_FLIGHT = new Setting<>("signet.idempotency.in-flight-seconds", "300",
            Setting.longBetween(1, 24 * 3600, "seconds").andThen(Duration::ofSeconds));
    static final Setting<Integer> IDEMPOTENCY_MAX_RESPONSE = new Setting<>("signet.idempotency.max-response-bytes",
            String.valueOf(64 * 1024), Setting.intBetween(0, 16 * 1024 * 1024, "bytes"));

    /** The RFC 9421 policy's settings, under {@code signet.rfc9421.} (and {@code signet.scheme.<name>.} for a variant). */
    static final String RFC9421_PREFIX = "signet.rfc9421.";
    static final List<String> RFC9421_KEYS = List.of("components", "window-seconds", "nonce-required", "tag", "label");
    static final Setting<Boolean> SIGN_RESPONSES = new Setting<>("signet.rfc9421.sign-responses", "false", Setting::bool);
    static final Setting<String> RESPONSE_KEY_ID = new Setting<>("signet.rfc9421.response-key-id", null, s -> s);
    static final Setting<String> RESPONSE_ALGORITHM = new Setting<>("signet.rfc9421.response-algorithm", null, text -> {
        dev.signet.core.rfc9421.SignatureAlgorithm.named(text);
        return text;
    });
    static final Setting<String> RESPONSE_KEY_FILE = new Setting<>("signet.rfc9421.response-key-file", null, s -> s);

    /** The keys of {@code signet.scheme.<name>.*} that a custom scheme may set. */
    static final List<String> SCHEME_KEYS = List.of("header.key-id", "header.timestamp", "header.signature",
            "header.nonce", "template", "json", "encoding", "timestamp-format", "window-seconds", "replay-key",
            "nonce-format", "error-format", "type", "components", "nonce-required", "tag", "label");

    /**
     * {@code signet.scheme.<name>.key}: the key a webhook scheme's endpoints verify with when their
     * {@code @SignedRequired} names none. Read for the webhook presets, whose senders name no key.
     */
    static Setting<String> schemeKeySetting(String scheme) {
        return new Setting<>(customSchemeSetting(scheme, "key"), null, SignetSettings::keyId);
    }

    public static SignetSettings from(SettingsSource source) {
        Map<String, Map<String, String>> custom = new TreeMap<>();
        for (String name : SCHEMES.require(source)) {
            Map<String, String> definition = new TreeMap<>();
            for (String key : SCHEME_KEYS) {
                source.get(customSchemeSetting(name, key)).ifPresent(v -> definition.put(key, v));
            }
            custom.put(name, Map.copyOf(definition));
        }
        return new SignetSettings(
                SCHEME.require(source),
                WINDOW.read(source),
                CLOCK_SKEW.require(source),
                MAX_BODY.require(source),
                SPOOL_THRESHOLD.require(source),
                SPOOL_DIRECTORY.read(source),
                INFINISPAN_CONFIG.read(source),
                INFINISPAN_CACHE.require(source),
                TRUSTED_PROXIES.require(source),
                FORWARDED_HEADER.require(source),
                DIAGNOSTICS.require(source),
                KEYS_FILE.read(source),
                TENANT_HEADER.read(source),
                REALM.require(source),
                DEFAULT_RATE.require(source),
                Map.copyOf(custom),
                jdbcKeys(source),
                schemeKeys(source),
                rfc9421Policy(source::get, RFC9421_PREFIX, Rfc9421Policy.DEFAULT),
                new ResponseSigning(SIGN_RESPONSES.require(source), RESPONSE_KEY_ID.read(source), RESPONSE_ALGORITHM.read(source),
                        RESPONSE_KEY_FILE.read(source)),
                hotRodInsteadOfXml(source),
                RATE_CACHE.require(source),
                IDEMPOTENCY_CACHE.require(source),
                IDEMPOTENCY_RETENTION.require(source),
                IDEMPOTENCY_IN_FLIGHT.require(source),
                IDEMPOTENCY_MAX_RESPONSE.require(source));
    }

    /** A remote Infinispan Server and an embedded configuration exclude each other: which one would hold the nonces? */
    private static Optional<String> hotRodInsteadOfXml(SettingsSource source) {
        Optional<String> uri = HOTROD_URI.read(source);
        if (uri.isPresent() && INFINISPAN_CONFIG.read(source).isPresent()) {
            throw new InvalidSettingException(HOTROD_URI.name(), "(hidden)",
                    "set either it (a remote Infinispan Server) or " + INFINISPAN_CONFIG.name() + " (embedded), not both");
        }
        return uri;
    }

    /** {@code hotrod://host:port[,host:port][?property=value&...]}; credentials in it are read but never echoed. */
    private static String hotRodUri(String text) {
        if (!text.startsWith("hotrod://") && !text.startsWith("hotrods://")) {
            throw new IllegalArgumentException("must start with hotrod:// or hotrods://");
        }
        if (text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            throw new IllegalArgumentException("must be printable ASCII without spaces");
        }
        return text;
    }

    /** The JDBC key store, when a JNDI name or a URL names one; both, or one beside a key file, is an error. */
    private static Optional<JdbcKeySettings> jdbcKeys(SettingsSource source) {
        Optional<String> dataSource = JDBC_DATASOURCE.read(source);
        Optional<String> url = JDBC_URL.read(source);
        if (dataSource.isPresent() && url.isPresent()) {
            throw new InvalidSettingException(JDBC_URL.name(), "(hidden)",
                    "set either " + JDBC_DATASOURCE.name() + " or " + JDBC_URL.name() + ", not both");
        }
        if (dataSource.isEmpty() && url.isEmpty()) {
            return Optional.empty();
        }
        KEYS_FILE.read(source).ifPresent(file -> {
            throw new InvalidSettingException(KEYS_FILE.name(), file,
                    "keys come from a key file or from JDBC (" + (url.isPresent() ? JDBC_URL : JDBC_DATASOURCE).name()
                            + "), not both");
        });
        return Optional.of(new JdbcKeySettings(dataSource, url, JDBC_USER.read(source), JDBC_PASSWORD.read(source),
                JDBC_CACHE.require(source), JDBC_CACHE_SIZE.require(source)));
    }

    private static String jdbcUrl(String text) {
        if (!text.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc:");
        }
        return text;
    }

    private static Map<String, String> schemeKeys(SettingsSource source) {
        Map<String, String> keys = new TreeMap<>();
        for (WebhookScheme webhook : WebhookPresets.all()) {
            schemeKeySetting(webhook.name()).read(source).ifPresent(key -> keys.put(webhook.name(), key));
        }
        return Map.copyOf(keys);
    }

    /** The key an endpoint under {@code scheme} verifies with when its annotation names none. */
    public Optional<String> schemeKey(String scheme) {
        return Optional.ofNullable(schemeKeys.get(scheme));
    }

    /** A key id, as a key file or repository holds it: visible ASCII, as a header would carry it. */
    private static String keyId(String text) {
        if (!CanonicalRequest.isWellFormedKeyId(text)) {
            throw new IllegalArgumentException("a key id is 1 to 256 visible ASCII characters");
        }
        return text;
    }

    /**
     * An RFC 9421 policy from settings named {@code prefix + key} (keys in {@link #RFC9421_KEYS}), each
     * absent one taken from {@code base}. A bad value fails with the setting named.
     */
    public static Rfc9421Policy rfc9421Policy(Function<String, Optional<String>> lookup, String prefix, Rfc9421Policy base) {
        SettingsSource source = name -> lookup.apply(name);
        Rfc9421Policy policy = base;
        Optional<List<ComponentId>> components = new Setting<>(prefix + "components", null, SignetSettings::components).read(source);
        if (components.isPresent()) {
            policy = policy.withRequired(components.get());
        }
        Optional<Duration> window = new Setting<>(prefix + "window-seconds", null,
                Setting.longBetween(1, 3600, "seconds").andThen(Duration::ofSeconds)).read(source);
        if (window.isPresent()) {
            policy = policy.withWindow(window.get());
        }
        Optional<Boolean> nonce = new Setting<>(prefix + "nonce-required", null, Setting::bool).read(source);
        if (nonce.isPresent()) {
            policy = policy.withNonceRequired(nonce.get());
        }
        Optional<String> tag = new Setting<>(prefix + "tag", null, SignetSettings::sfString).read(source);
        if (tag.isPresent()) {
            policy = policy.withTag(tag.get());
        }
        Optional<String> label = new Setting<>(prefix + "label", null, text -> {
            dev.signet.core.internal.rfc9421.HttpSignatures.requireLabel(text);
            return text;
        }).read(source);
        if (label.isPresent()) {
            policy = policy.withLabel(label.get());
        }
        return policy;
    }

    /**
     * Component identifiers, comma-separated: a field name ({@code content-type}), a derived component
     * ({@code @query}), or a serialized identifier ({@code "@query-param";name="id"}).
     */
    private static List<ComponentId> components(String text) {
        List<ComponentId> out = new ArrayList<>();
        for (String entry : list(text)) {
            out.add(entry.startsWith("\"") ? ComponentId.parse(entry) : ComponentId.of(entry.toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    /** A value that goes into a Structured Field String: printable ASCII. */
    private static String sfString(String text) {
        dev.signet.core.internal.sf.StructuredFields.serializeBareItem(text);
        return text;
    }

    /** The full name of one key of a custom scheme's definition, as errors name it. */
    public static String customSchemeSetting(String scheme, String key) {
        return "signet.scheme." + scheme + "." + key;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A header name: an RFC 9110 token, so it can never smuggle a second header into a lookup or a log. */
    private static String token(String text) {
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a header name");
        }
        return text;
    }

    /** The realm goes into WWW-Authenticate as a quoted string: printable ASCII without quotes or backslashes. */
    private static String realm(String text) {
        if (text.length() > 100 || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("must be up to 100 printable ASCII characters without '\"' or '\\'");
        }
        return text;
    }
}
