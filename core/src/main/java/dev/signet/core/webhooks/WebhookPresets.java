// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import java.util.List;
import java.util.Optional;

/**
 * The webhook senders Signet verifies, each as its own documentation and official SDK define it. A webhook
 * names no key: the endpoint does ({@code @SignedRequired(scheme = "stripe", key = "stripe-live")}).
 */
public final class WebhookPresets {

    public static final StandardWebhooks STANDARD_WEBHOOKS = new StandardWebhooks();
    public static final Stripe STRIPE = new Stripe();
    public static final GitHub GITHUB = new GitHub();
    public static final Slack SLACK = new Slack();
    public static final Shopify SHOPIFY = new Shopify();

    private static final List<WebhookScheme> ALL = List.of(STANDARD_WEBHOOKS, STRIPE, GITHUB, SLACK, SHOPIFY);

    private WebhookPresets() {
    }

    public static List<WebhookScheme> all() {
        return ALL;
    }

    public static Optional<WebhookScheme> byName(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
