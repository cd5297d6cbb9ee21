// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

/**
 * A request whose signature waits for its body: the request filter leaves this in the request's properties
 * (which JAX-RS shares between the filters and interceptors of one request), and the writer interceptor
 * signs once the entity is serialized. Carries no secret, only the signer that holds it, and the
 * {@link SignedOrigin} the request is signed for.
 */
record PendingSignature(CallSigner signer, String method, String path, String query, String origin) {

    /** The property name; namespaced so no other library's property can collide with it. */
    static final String PROPERTY = "dev.signet.client.pending-signature";
}
