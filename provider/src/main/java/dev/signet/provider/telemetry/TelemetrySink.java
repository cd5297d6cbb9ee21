// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.telemetry;

import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;

/** Where {@link SignetTelemetry} sends what it observes. No OpenTelemetry type here, so this loads without it. */
interface TelemetrySink {

    TelemetrySink NONE = new TelemetrySink() {
        @Override
        public void verified(SignedRequestVerified event) {
        }

        @Override
        public void refused(SignedRequestRefused event) {
        }

        @Override
        public String toString() {
            return "no telemetry";
        }
    };

    void verified(SignedRequestVerified event);

    void refused(SignedRequestRefused event);
}
