// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.provider.SignedRequired;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;

/** A signed resource that reads a little of its body and then fails with an exception nobody maps. */
@Path("failing")
public class FailingResource {

    @POST
    @SignedRequired(scheme = "canonical", scopes = "items:write")
    public String fail(InputStream body) throws IOException {
        body.read(new byte[1024]);
        throw new IllegalStateException("the resource failed after reading 1 KiB");
    }
}
