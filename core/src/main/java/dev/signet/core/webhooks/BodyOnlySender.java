// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.internal.verification.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A sender that MACs the raw body alone and sends no timestamp (GitHub, Shopify): no prefix, no time window to
 * check, and the signature itself as the replay unit, since the delivery id beside it is not signed. The
 * subclasses differ only in their header names and the signature's spelling.
 */
abstract class BodyOnlySender extends WebhookScheme {

    private final String signatureHeader;
    private final String deliveryHeader;

    BodyOnlySender(String name, String signatureHeader, String deliveryHeader) {
        super(name, Duration.ofHours(12));
        this.signatureHeader = signatureHeader;
        this.deliveryHeader = deliveryHeader;
    }

    @Override
    public final List<String> headerNames() {
        return List.of(signatureHeader, deliveryHeader);
    }

    @Override
    public final String signatureHeader() {
        return signatureHeader;
    }

    @Override
    public final boolean untimed() {
        return true;
    }

    @Override
    protected final byte[] prefix(Credentials c) {
        return new byte[0];
    }

    @Override
    protected final byte[] prefix(Delivery delivery) {
        return new byte[0];
    }

    @Override
    public final Optional<String> replayUnique(Credentials c) {
        return Optional.of(c.signatureHex());
    }

    @Override
    public final String replayUnit() {
        return signatureHeader + " value";
    }
}
