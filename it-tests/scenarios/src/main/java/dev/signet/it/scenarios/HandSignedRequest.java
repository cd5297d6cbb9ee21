// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.scenarios;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A request signed the way a caller without Signet signs it: each seed document's recipe written out with
 * {@code javax.crypto} alone, so Signet's server is checked against the documents and not against its own
 * signer. Every part can be spoiled on purpose (another body sent, a stale or malformed timestamp).
 */
public final class HandSignedRequest {

    // JavaScript's Date.toISOString(), which seed 002's example uses.
    private static final DateTimeFormatter ISO_MILLIS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String preset;
    private final String method;
    private final URI uri;
    private byte[] body = new byte[0];
    private byte[] sentBody;
    private String keyId;
    private String secret;
    private Instant time = Instant.now();
    private String timestampText;
    private String nonce = UUID.randomUUID().toString();
    private boolean unsigned;

    private HandSignedRequest(String preset, String method, URI uri) {
        this.preset = preset;
        this.method = method;
        this.uri = uri;
    }

    public static HandSignedRequest of(String preset, String method, URI uri) {
        return new HandSignedRequest(preset, method, uri);
    }

    public HandSignedRequest key(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
        return this;
    }

    public HandSignedRequest body(byte[] body) {
        this.body = body.clone();
        return this;
    }

    /** Sends these bytes instead of the signed ones: a body changed on the way. */
    public HandSignedRequest sendInstead(byte[] sentBody) {
        this.sentBody = sentBody.clone();
        return this;
    }

    public HandSignedRequest at(Instant time) {
        this.time = time;
        return this;
    }

    /** Puts this text in the timestamp header and signs it as it is. */
    public HandSignedRequest timestampText(String text) {
        this.timestampText = text;
        return this;
    }

    public HandSignedRequest nonce(String nonce) {
        this.nonce = nonce;
        return this;
    }

    /** No signing header at all. */
    public HandSignedRequest unsigned() {
        this.unsigned = true;
        return this;
    }

    public HttpRequest build() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(method, body.length == 0 && sentBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(sentBody != null ? sentBody : body));
        if (!"GET".equals(method)) {
            request.header("Content-Type", "application/octet-stream");
        }
        if (!unsigned) {
            headers().forEach(request::header);
        }
        return request.build();
    }

    /** The signing headers of this request, by the recipe of its preset's seed document. */
    public Map<String, String> headers() {
        String path = uri.getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        switch (preset) {
            case "timestamp-secret" -> {
                // Seeds 000/001: message = f"{timestamp}:{secret_key}", hex digest.
                String timestamp = timestamp(String.valueOf(time.getEpochSecond()));
                headers.put("X-API-KEY", keyId);
                headers.put("X-Timestamp", timestamp);
                headers.put("X-HMAC", HexFormat.of().formatHex(hmac(timestamp + ":" + secret)));
            }
            case "json-payload" -> {
                // Seed 002: Base64(HMAC_SHA256(JSON.stringify({timeStamp, requestId, accessId}), accessSecret)).
                String timestamp = timestamp(ISO_MILLIS.format(time.truncatedTo(ChronoUnit.MILLIS)));
                String payload = "{\"timeStamp\":\"" + timestamp + "\",\"requestId\":\"" + nonce
                    + "\",\"accessId\":\"" + keyId + "\"}";
                headers.put("x-access-id", keyId);
                headers.put("x-request-id", nonce);
                headers.put("x-timestamp", timestamp);
                headers.put("authorization", Base64.getEncoder().encodeToString(hmac(payload)));
            }
            case "canonical" -> {
                // Seed 003: "{timestamp}\n{METHOD}\n{path}\n{bodyHash}", lowercase hex.
                String timestamp = timestamp(String.valueOf(time.getEpochSecond()));
                String canonical = timestamp + "\n" + method + "\n" + path + "\n" + sha256Hex(body);
                headers.put("X-API-Key", keyId);
                headers.put("X-Timestamp", timestamp);
                headers.put("X-Signature", HexFormat.of().formatHex(hmac(canonical)));
            }
            case "canonical-nonce" -> {
                // Seed 004: method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash, Base64.
                String timestamp = timestamp(String.valueOf(time.getEpochSecond()));
                String canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
                headers.put("X-Api-Key", keyId);
                headers.put("X-Timestamp", timestamp);
                headers.put("X-Nonce", nonce);
                headers.put("X-Signature", Base64.getEncoder().encodeToString(hmac(canonical)));
            }
            default -> throw new IllegalArgumentException("no recipe for preset " + preset);
        }
        return headers;
    }

    private String timestamp(String computed) {
        return timestampText != null ? timestampText : computed;
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
