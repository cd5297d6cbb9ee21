// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

import dev.signet.core.scheme.JsonString;
import dev.signet.provider.SignedRequired;
import dev.signet.provider.caller.VerifiedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * For each preset P: {@code GET|POST /api/P/echo} (scope read) and {@code POST /api/P/scoped} (scope write).
 * Every answer says who called, as the injected caller bean and the {@link SecurityContext} see it, and
 * which body the resource read, so a scenario can compare those bytes with the bytes it signed.
 */
@RequestScoped
@Path("/")
@Produces("application/json")
public class LedgerResource {

    @Inject
    VerifiedCaller caller;

    @Context
    SecurityContext security;

    @GET
    @Path("timestamp-secret/echo")
    @SignedRequired(scheme = "timestamp-secret", scopes = AppKeys.READ)
    public String getTimestampSecret() {
        return describe(new byte[0]);
    }

    @POST
    @Path("timestamp-secret/echo")
    @SignedRequired(scheme = "timestamp-secret", scopes = AppKeys.READ)
    public String postTimestampSecret(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("timestamp-secret/scoped")
    @SignedRequired(scheme = "timestamp-secret", scopes = AppKeys.WRITE)
    public String scopedTimestampSecret(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("json-payload/echo")
    @SignedRequired(scheme = "json-payload", scopes = AppKeys.READ)
    public String getJsonPayload() {
        return describe(new byte[0]);
    }

    @POST
    @Path("json-payload/echo")
    @SignedRequired(scheme = "json-payload", scopes = AppKeys.READ)
    public String postJsonPayload(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("json-payload/scoped")
    @SignedRequired(scheme = "json-payload", scopes = AppKeys.WRITE)
    public String scopedJsonPayload(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("canonical/echo")
    @SignedRequired(scheme = "canonical", scopes = AppKeys.READ)
    public String getCanonical() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical/echo")
    @SignedRequired(scheme = "canonical", scopes = AppKeys.READ)
    public String postCanonical(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("canonical/scoped")
    @SignedRequired(scheme = "canonical", scopes = AppKeys.WRITE)
    public String scopedCanonical(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @GET
    @Path("canonical-nonce/echo")
    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
    public String getCanonicalNonce() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical-nonce/echo")
    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
    public String postCanonicalNonce(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("canonical-nonce/scoped")
    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.WRITE)
    public String scopedCanonicalNonce(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    /** The scheme comes from the server's configuration ({@code signet.scheme}), not from the annotation. */
    @GET
    @Path("configured/echo")
    @SignedRequired(scopes = AppKeys.READ)
    public String getConfiguredScheme() {
        return describe(new byte[0]);
    }

    @POST
    @Path("canonical-nonce/upload")
    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.WRITE)
    public String upload(InputStream body) throws IOException {
        // Streamed through a digest: the resource never holds the body, as a real upload handler would not.
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
            sha.update(buffer, 0, n);
            length += n;
        }
        return "{\"bodyLength\":" + length + ",\"bodySha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}";
    }

    @GET
    @Path("rfc9421/echo")
    @SignedRequired(scheme = "rfc9421", scopes = AppKeys.READ)
    public String getRfc9421() {
        return describe(new byte[0]);
    }

    @POST
    @Path("rfc9421/echo")
    @SignedRequired(scheme = "rfc9421", scopes = AppKeys.READ)
    public String postRfc9421(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    @POST
    @Path("rfc9421/scoped")
    @SignedRequired(scheme = "rfc9421", scopes = AppKeys.WRITE)
    public String scopedRfc9421(InputStream body) throws IOException {
        return describe(body.readAllBytes());
    }

    private String describe(byte[] body) {
        return "{\"keyId\":" + JsonString.quote(caller.keyId())
            + ",\"scheme\":" + JsonString.quote(caller.scheme())
            + ",\"principal\":" + JsonString.quote(security.getUserPrincipal().getName())
            + ",\"tenant\":" + caller.tenant().map(JsonString::quote).orElse("null")
            + ",\"scopes\":" + JsonString.quote(String.join(" ", new TreeSet<>(caller.scopes())))
            + ",\"inWriteRole\":" + security.isUserInRole(AppKeys.WRITE)
            + ",\"bodyLength\":" + body.length
            + ",\"bodySha256\":\"" + HexFormat.of().formatHex(sha256().digest(body)) + "\"}";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
