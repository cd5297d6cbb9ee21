// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.body;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies captured during one request, closed when the request ends, however it ends: answered, refused,
 * failed in the resource, or cut off by the client. A response filter would not run for an unmapped
 * exception; the end of the request scope always comes.
 */
@RequestScoped
public class SpooledBodies {

    private final List<CapturedBody> bodies = new ArrayList<>();

    public void track(CapturedBody body) {
        bodies.add(body);
    }

    @PreDestroy
    void closeAll() {
        bodies.forEach(CapturedBody::close);
        bodies.clear();
    }
}
