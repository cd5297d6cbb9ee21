// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.webhooks;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.scheme.TimestampFormat;
import dev.signet.core.internal.verification.Failure;
import dev.signet.core.internal.verification.HeaderSource;
import dev.signet.core.internal.verification.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Step 1's header rules for the webhook senders: each header once, bounded in length, well formed. */
final class WebhookHeaders {

    private WebhookHeaders() {
    }

    /** One header as read: its trimmed value, or the refusal it earns. */
    record Header(String name, String value, Refusal problem) {

        boolean absent() {
            return problem != null && problem.failure() == Failure.MISSING_CREDENTIALS;
        }
    }

    static Header read(HeaderSource headers, String name, int maxLength) {
        List<String> values = headers.values(name);
        if (values.size() > 1) {
            return new Header(name, null, Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + name + " must appear once"));
        }
        String value = values.isEmpty() ? null : CanonicalRequest.headerValue(values.get(0));
        if (value == null || value.isEmpty()) {
            return new Header(name, null, Refusal.of(Failure.MISSING_CREDENTIALS, "Missing header " + name));
        }
        if (value.length() > maxLength) {
            return new Header(name, null, Refusal.of(Failure.MALFORMED_CREDENTIALS, "Header " + name + " is too long"));
        }
        return new Header(name, value, null);
    }

    /**
     * The first refusal among {@code headers}: "No signature headers" when every one is absent (a request not
     * meant for this sender at all), else the first header's own problem; null when all were read.
     */
    static Refusal firstProblem(Header... headers) {
        boolean allAbsent = true;
        for (Header h : headers) {
            allAbsent &= h.absent();
        }
        if (allAbsent) {
            return Refusal.of(Failure.MISSING_CREDENTIALS, "No signature headers");
        }
        for (Header h : headers) {
            if (h.problem() != null) {
                return h.problem();
            }
        }
        return null;
    }

    /** Unix seconds, digits only, as every sender here writes them. */
    static Optional<Instant> epochSeconds(String text) {
        return text.length() > 12 ? Optional.empty() : TimestampFormat.EPOCH_SECONDS.parse(text);
    }

    /** 1 to 256 visible ASCII characters: safe in a log line and a signed prefix. */
    static boolean isVisibleAscii(String text) {
        return CanonicalRequest.isWellFormedKeyId(text);
    }

    static Refusal malformed(String detail) {
        return Refusal.of(Failure.MALFORMED_CREDENTIALS, detail);
    }
}
