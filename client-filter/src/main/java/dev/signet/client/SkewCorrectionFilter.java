package dev.signet.client;

import dev.signet.core.scheme.Scheme;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Learns the server's clock after it refused a timestamp. A 401 counts as a timestamp refusal when the
 * response's {@code Date} and the timestamp the request carried lie further apart than the scheme's window:
 * then the timestamp was out of range whatever else was wrong, and no error format needs to be parsed (the
 * seed documents each word it differently). If a server's window is narrower than the preset's, give the
 * client the same window with {@code Scheme.withWindow}. The offset then applies to every later call.
 */
final class SkewCorrectionFilter implements ClientResponseFilter {

    /** {@code Date} has whole seconds: a drift this close to the window may be rounding, so count it. */
    private static final Duration DATE_RESOLUTION = Duration.ofSeconds(1);

    private final Scheme scheme;
    private final CorrectableClock clock;

    SkewCorrectionFilter(Scheme scheme, CorrectableClock clock) {
        this.scheme = scheme;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 401) {
            return;
        }
        Optional<Instant> serverNow = serverDate(response.getHeaderString("Date"));
        Optional<Instant> sent = header(request.getStringHeaders(), scheme.headers().timestamp())
                .flatMap(text -> scheme.timestampFormat().parse(text));
        if (serverNow.isEmpty() || sent.isEmpty()) {
            return;
        }
        Duration drift = Duration.between(sent.get(), serverNow.get()).abs();
        if (drift.plus(DATE_RESOLUTION).compareTo(scheme.window()) > 0) {
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

    /** Header maps are not case-insensitive on every runtime: look the name up in any spelling. */
    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null && e.getValue().size() == 1)
                .map(e -> e.getValue().get(0))
                .findFirst();
    }
}
