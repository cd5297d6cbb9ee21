package dev.signet.provider.verification;

import dev.signet.core.verification.EndpointRequirements;
import dev.signet.core.verification.VerificationPipeline;
import java.util.Set;

/**
 * One signed resource method as resolved at deployment: its scheme's pipeline, what it requires (scopes,
 * its own rate budget), and where its {@code @SignedRequired} was found (for the start-up table and error
 * messages).
 */
public record SignedEndpoint(VerificationPipeline pipeline, EndpointRequirements requirements, String annotatedAt) {

    public Set<String> scopes() {
        return requirements.scopes();
    }
}
