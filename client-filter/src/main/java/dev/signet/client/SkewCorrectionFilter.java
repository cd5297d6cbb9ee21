// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.scheme.Scheme;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Learns the server's clock from its {@code Date} header, after it refused a timestamp. Whoever answers a
 * request can set {@code Date}, so it is believed only from a 401 that
 * <ul>
 *   <li>answers a request this feature signed, sent to the origin it was signed for ({@link SignedOrigin});</li>
 *   <li>is a Signet refusal for the timestamp, in the scheme's error format ({@link TimestampRefusal}):
 *       a proxy's or a gateway's 401, or a refusal for another reason, says nothing about the clock;</li>
 *   <li>puts the server at most {@link CorrectableClock#MAX_OFFSET} from this host's clock.</li>
 * </ul>
 * The offset then applies to every later call of the feature.
 */
final class SkewCorrectionFilter implements ClientResponseFilter {

    private final Scheme scheme;
    private final CorrectableClock clock;

    SkewCorrectionFilter(Scheme scheme, CorrectableClock clock) {
        this.scheme = scheme;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (response.getStatus() != 401 || !SignedOrigin.matches(request)) {
            return;
        }
        Optional<Instant> serverNow = serverDate(response.getHeaderString("Date"));
        // The body is read last: only a response that passed the cheap checks costs a read.
        if (serverNow.isPresent() && TimestampRefusal.isOne(scheme.errorFormat(), response)) {
            clock.correctBy(Duration.between(clock.base().instant(), serverNow.get()));
        }
    }

    static Optional<Instant> serverDate(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException notAnHttpDate) {
            return Optional.empty();
        }
    }
}
