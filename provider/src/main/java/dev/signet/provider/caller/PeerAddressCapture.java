// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.caller;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

/**
 * Copies the connection's peer address into a request property for the verification filter. A separate,
 * class-registered filter because JAX-RS runtimes inject {@code @Context} into the providers they create,
 * not into the per-method instances a {@code DynamicFeature} registers.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class PeerAddressCapture implements ContainerRequestFilter {

    public static final String PEER_ADDRESS = "dev.signet.peerAddress";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            if (servletRequest != null) {
                request.setProperty(PEER_ADDRESS, servletRequest.getRemoteAddr());
            }
        } catch (RuntimeException | LinkageError notAServletContainer) {
            // No servlet request here: the allowlist then refuses, as it must without an address.
        }
    }
}
