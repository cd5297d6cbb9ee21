// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.server;

import dev.signet.provider.SignedRequired;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pairs of identical resources, one open and one under {@link SignedRequired}: the only difference
 * between the two figures of a pair is Signet's filter. Not a CDI bean (the benchmarks' classes carry no
 * beans.xml): Jersey creates it, as it would any plain resource.
 */
@Path("/bench")
@Produces("application/json")
public class BenchResource {

    @GET
    @Path("plain")
    public String plainGet() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("signed")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:read")
    public String signedGet() {
        return "{\"ok\":true}";
    }

    @POST
    @Path("plain")
    public String plainPost(InputStream body) throws IOException {
        return "{\"length\":" + body.readAllBytes().length + "}";
    }

    @POST
    @Path("signed")
    @SignedRequired(scheme = "canonical-nonce", scopes = "items:write")
    public String signedPost(InputStream body) throws IOException {
        return "{\"length\":" + body.readAllBytes().length + "}";
    }

    @GET
    @Path("signed-rfc9421")
    @SignedRequired(scheme = "rfc9421", scopes = "items:read")
    public String rfc9421Get() {
        return "{\"ok\":true}";
    }

    @POST
    @Path("signed-rfc9421")
    @SignedRequired(scheme = "rfc9421", scopes = "items:write")
    public String rfc9421Post(InputStream body) throws IOException {
        return "{\"length\":" + body.readAllBytes().length + "}";
    }

    @POST
    @Path("upload-plain")
    public String uploadPlain(InputStream body) throws IOException {
        return digest(body);
    }

    @POST
    @Path("upload")
    @SignedRequired(scheme = "canonical", scopes = "items:write")
    public String uploadSigned(InputStream body) throws IOException {
        return digest(body);
    }

    /** Peak heap since start, summed over the heap pools: proof of what a large upload held. */
    @GET
    @Path("memory")
    public String memory() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return "{\"peakHeapBytes\":" + peak + ",\"maxHeapBytes\":" + Runtime.getRuntime().maxMemory() + "}";
    }

    /** Streams the body through a digest: the resource never holds it, so only Signet's path can fill the heap. */
    private static String digest(InputStream body) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            int n;
            while ((n = body.read(buffer)) != -1) {
                sha.update(buffer, 0, n);
                length += n;
            }
            return "{\"length\":" + length + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
