// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.events.SignedRequestRefused;
import dev.signet.provider.events.SignedRequestVerified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application bean observing Signet's events, as an operator's audit log would. */
@ApplicationScoped
public class RefusalEvents {

    private final List<SignedRequestRefused> refused = new CopyOnWriteArrayList<>();
    private final List<SignedRequestVerified> verified = new CopyOnWriteArrayList<>();

    void onRefused(@Observes SignedRequestRefused event) {
        refused.add(event);
    }

    void onVerified(@Observes SignedRequestVerified event) {
        verified.add(event);
    }

    public List<SignedRequestRefused> refused() {
        return refused;
    }

    public List<SignedRequestVerified> verified() {
        return verified;
    }
}
