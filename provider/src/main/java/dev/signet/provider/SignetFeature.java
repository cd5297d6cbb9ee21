package dev.signet.provider;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Enables Signet in an application that registers its providers by hand (an {@code Application} whose
 * {@code getClasses()} lists them, or an embedded server). A WAR whose server scans for providers needs
 * nothing: {@link SignedRequiredFeature} is found on its own.
 */
public final class SignetFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(SignedRequiredFeature.class)) {
            context.register(SignedRequiredFeature.class);
        }
        return true;
    }
}
