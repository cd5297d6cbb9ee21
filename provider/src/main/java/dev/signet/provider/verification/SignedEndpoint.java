package dev.signet.provider.verification;

import dev.signet.core.verification.VerificationPipeline;
import java.util.Set;

/**
 * One signed resource method as resolved at deployment: its scheme's pipeline, the scopes it requires,
 * and where its {@code @SignedRequired} was found (for the start-up table and error messages).
 */
public record SignedEndpoint(VerificationPipeline pipeline, Set<String> scopes, String annotatedAt) {

    public SignedEndpoint {
        scopes = Set.copyOf(scopes);
    }
}
