// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.VerificationPipeline;

/**
 * One signed resource method as resolved at deployment: its scheme's pipeline, what the endpoint asks of a
 * request, and where its {@code @SignedRequired} was found (for the start-up table and error messages).
 */
public record SignedEndpoint(VerificationPipeline pipeline, Endpoint endpoint, String annotatedAt, boolean signResponse) {

    public SignedEndpoint(VerificationPipeline pipeline, Endpoint endpoint, String annotatedAt) {
        this(pipeline, endpoint, annotatedAt, false);
    }
}
