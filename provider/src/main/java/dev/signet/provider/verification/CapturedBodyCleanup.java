package dev.signet.provider.verification;

import dev.signet.provider.body.CapturedBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Deletes a spooled body once the resource has answered, whether or not it read the body. */
public final class CapturedBodyCleanup implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SignatureVerificationFilter.CAPTURED_BODY) instanceof CapturedBody body) {
            body.close();
        }
    }
}
