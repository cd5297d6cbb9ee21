// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The short reason is read from each preset's own error format. */
class OutcomeTest {

    @Test
    void aSuccessIsAccepted() {
        assertEquals("200 accepted", Outcome.of(200, "{\"keyId\":\"k\"}").toString());
    }

    @Test
    void theEnvelopeGivesItsCodeAndMessage() {
        assertEquals("401 GA2012 SIGNATURE_INVALID", Outcome.of(401, "{\"version\":\"1.3.0\",\"timestamp\":1,"
                + "\"success\":false,\"code\":\"GA2012\",\"message\":\"SIGNATURE_INVALID\",\"data\":null}").toString());
    }

    @Test
    void aProblemGivesItsTitle() {
        assertEquals("401 Replayed", Outcome.of(401, "{\"type\":\"https://signet.dev/problems/replayed\","
                + "\"title\":\"Replayed\",\"status\":401,\"detail\":\"Request already accepted\"}").toString());
    }

    @Test
    void aDetailBodyGivesItsDetail() {
        assertEquals("401 Invalid HMAC", Outcome.of(401, "{\"detail\":\"Invalid HMAC\"}").toString());
    }

    @Test
    void anythingElseGivesItsFirstLineShortened() {
        assertEquals("502 <html><body>Bad gateway from the proxy i...",
                Outcome.of(502, "<html><body>Bad gateway from the proxy in front</body></html>\nmore").toString());
        assertEquals("500 (no body)", Outcome.of(500, "").toString());
    }
}
