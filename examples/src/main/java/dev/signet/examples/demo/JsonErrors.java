// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error the demo's container would answer itself (no such path, method not allowed, unreadable body,
 * a failure in a resource) answered as RFC 9457 JSON naming no server software, as Signet's own refusals are.
 */
public final class JsonErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(JsonErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        if (status >= 500) {
            LOG.log(Level.WARNING, "demo: request failed", failure);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return Response.status(status).type("application/problem+json")
                .entity("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}").build();
    }

    /** The same body for errors the HTTP layer answers before any application code runs. */
    static String body(int status, String reason) {
        return "{\"type\":\"about:blank\",\"title\":\"" + reason.replace("\"", "'") + "\",\"status\":" + status + "}";
    }
}
