// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.webhooks;

import dev.signet.core.keys.Secret;
import dev.signet.core.internal.verification.BodySource;
import dev.signet.core.webhooks.WebhookPresets;
import dev.signet.core.webhooks.WebhookScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends webhooks to {@code /hooks/{preset}} as each sender would, signed with core's signer over a plain JDK
 * client: the server is tested against a sender that shares none of its code but the scheme definitions.
 */
final class Deliveries {

    // HTTP/1.1: the JDK client's h2c upgrade makes Grizzly stall on POST bodies (TOOLCHAIN pitfall 2).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Deliveries(URI base) {
        this.base = base;
    }

    /** One delivery: its headers may be changed before it is sent, and it may be sent more than once. */
    final class Delivery {
        final WebhookScheme scheme;
        final String path;
        byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Delivery(WebhookScheme scheme, String path, byte[] body, Map<String, String> signed) {
            this.scheme = scheme;
            this.path = path;
            this.body = body;
            headers.putAll(signed);
        }

        String signature() {
            return headers.get(scheme.signatureHeader());
        }

        Delivery header(String name, String value) {
            if (value == null) {
                headers.keySet().removeIf(name::equalsIgnoreCase);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", scheme == WebhookPresets.SLACK ? "application/x-www-form-urlencoded" : "application/json");
            headers.forEach(request::header);
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code body} as the sender would deliver it to {@code /hooks/{preset}} at {@code at}, signed with {@code secrets}. */
    Delivery signed(WebhookScheme scheme, String body, Instant at, String... secrets) {
        return signedTo("/hooks/" + scheme.name(), scheme, body, at, secrets);
    }

    Delivery signedTo(String path, WebhookScheme scheme, String body, Instant at, String... secrets) {
        return signedTo(path, scheme, body, "msg_" + UUID.randomUUID().toString().replace("-", ""), at, secrets);
    }

    Delivery signedTo(String path, WebhookScheme scheme, String body, String id, Instant at, String... secrets) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            Map<String, String> headers = scheme.sign(new WebhookScheme.Delivery(id, at),
                    Arrays.stream(secrets).map(Secret::of).toList(), BodySource.of(bytes)).headers();
            return new Delivery(scheme, path, bytes, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpClient client() {
        return client;
    }
}
