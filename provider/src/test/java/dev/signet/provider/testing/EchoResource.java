// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Resources for every preset at {@code /{preset}/...}: each answers who called and what body it read,
 * so a test can compare the bytes the resource saw with the bytes the client signed.
 */
@RequestScoped
@Path("/")
@Produces("application/json")
public class EchoResource {

    @Inject
    VerifiedCaller caller;

    @Context
    SecurityContext security;

    @GET
    @Path("open")
    public String open() {
        return "{\"open\":true}";
    }

    @GET
    @Path("default/get")
    @SignedRequired(scopes = "items:read")
    public String getDefaultScheme() {
        return describe(new byte[0]);
    }

    @GET
    @Path("timestamp-secret/get")
    @SignedRequired(scheme = "timestamp-secret", scopes = "items:read")
    public String getTimestampSecret() {
        return describe(new byte[0]);
    }

    @POST
    @Path("timestamp-secret/post")
    @SignedRequired(scheme = "timestamp-secret", scopes = "items:write")
    public String postTimestampSecret(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("json-payload/get")
    @SignedRequired(scheme = "json-payload", scopes = "items:read")
    public String getJsonPayload() {
        return describe(new byte[0]);
    }

    @POST
    @Path("json-payload/post")
    @SignedRequired(scheme = "json-payload", scopes = "items:write")
    public String postJsonPayload(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("canonical/get")
    @SignedRequired(scheme = "canonical", scopes = "items:read")
    public String getCanonical() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical/post")
    @SignedRequired(scheme = "canonical", scopes = "items:write")
    public String postCanonical(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @PUT
    @Path("canonical/put")
    @SignedRequired(scheme = "canonical", scopes = "items:write")
    public String putCanonical(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("canonical-nonce/get")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:read")
    public String getCanonicalNonce() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical-nonce/post")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    public String postCanonicalNonce(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("canonical-nonce/undeclared")
    @SignedRequired(scheme = "canonical-nonce")
    public String undeclaredScope() {
        return describe(new byte[0]);
    }

    @GET
    @Path("canonical/roles")
    @SignedRequired(scheme = "canonical")
    @RolesAllowed("items:write")
    public String roles() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical/upload")
    @SignedRequired(scheme = "canonical")
    public String upload(InputStream body) throws IOException, NoSuchAlgorithmException {
        // Streams the body through a digest: the resource never holds it, so the heap test stays honest.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        int n;
        while ((n = body.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
            length += n;
        }
        return "{\"length\":" + length + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}";
    }

    private String describe(byte[] body) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return "{\"keyId\":" + JsonString.quote(caller.keyId())
                    + ",\"principal\":" + JsonString.quote(security.getUserPrincipal().getName())
                    + ",\"tenant\":" + caller.tenant().map(JsonString::quote).orElse("null")
                    + ",\"scopes\":" + JsonString.quote(String.join(",", new TreeSet<>(caller.scopes())))
                    + ",\"inRoleRead\":" + security.isUserInRole("items:read")
                    + ",\"bodySha256\":\"" + sha + "\",\"bodyLength\":" + body.length + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
