// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Endpoints under {@code /rfc9421}: each answers who called and the SHA-256 of the body it read. */
@RequestScoped
@Path("/rfc9421")
@Produces("application/json")
public class Rfc9421Resource {

    @Inject
    VerifiedCaller caller;

    @GET
    @Path("echo")
    @SignedRequired(scheme = "rfc9421")
    public String get() {
        return describe(new byte[0]);
    }

    @POST
    @Path("echo")
    @SignedRequired(scheme = "rfc9421")
    public String post(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("scoped")
    @SignedRequired(scheme = "rfc9421", scopes = "items:write")
    public String scoped(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    private String describe(byte[] body) {
        try {
            return "{\"keyId\":" + JsonString.quote(caller.keyId()) + ",\"bodySha256\":\""
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + "\",\"bodyLength\":"
                    + body.length + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
