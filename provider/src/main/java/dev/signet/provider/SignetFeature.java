// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Enables Signet in an application that registers its providers by hand (an {@code Application} whose
 * {@code getClasses()} lists them, or an embedded server). A WAR whose server scans for providers needs
 * nothing: {@link SignedRequiredFeature} is found on its own.
 */
public final class SignetFeature implements Feature {

    /**
     * Request property for applications that rewrite the request URI before matching (a {@code @PreMatching}
     * filter that normalises percent-encoding or dot segments so the request routes): set it to the URI as
     * received, and Signet verifies that raw path, the one the client signed, not the rewritten one.
     */
    public static final String ORIGINAL_REQUEST_URI = "dev.signet.originalRequestUri";

    @Override
    public boolean configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(SignedRequiredFeature.class)) {
            context.register(SignedRequiredFeature.class);
        }
        return true;
    }
}
