// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import dev.signet.provider.SignedRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Every place a Jakarta REST user may write {@code @SignedRequired}, each on its own path under
 * {@code placement/}. The classes carry {@code @Path} themselves so every server's scan finds them; the
 * annotations that matter sit on the interfaces and superclasses, as in API-first code.
 */
public final class PlacementResources {

    private PlacementResources() {
    }

    /** Generated-interface style: the interface method carries the HTTP method and the signature requirement. */
    public interface SignedInterfaceMethod {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
        String get();
    }

    @RequestScoped
    @Path("placement/interface-method")
    public static class ImplementsSignedInterfaceMethod implements SignedInterfaceMethod {
        @Override
        public String get() {
            return "{\"served\":true}";
        }
    }

    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
    public interface SignedInterfaceType {
        @GET
        @Produces("application/json")
        String get();
    }

    @RequestScoped
    @Path("placement/interface-type")
    public static class ImplementsSignedInterfaceType implements SignedInterfaceType {
        @Override
        public String get() {
            return "{\"served\":true}";
        }
    }

    public abstract static class SignedSuperMethod {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
        public abstract String get();
    }

    @RequestScoped
    @Path("placement/superclass-method")
    public static class OverridesSignedSuperMethod extends SignedSuperMethod {
        @Override
        public String get() {
            return "{\"served\":true}";
        }
    }

    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
    public abstract static class SignedSuperType {
        @GET
        @Produces("application/json")
        public String get() {
            return "{\"served\":true}";
        }
    }

    @RequestScoped
    @Path("placement/superclass-type")
    public static class ExtendsSignedSuperType extends SignedSuperType {
    }

    @RequestScoped
    @Path("placement/locator")
    public static class Locator {
        @Path("sub")
        public SignedSubResource sub() {
            return new SignedSubResource();
        }
    }

    @SignedRequired(scheme = "canonical-nonce", scopes = AppKeys.READ)
    public static class SignedSubResource {
        @GET
        @Produces("application/json")
        public String get() {
            return "{\"served\":true}";
        }
    }
}
