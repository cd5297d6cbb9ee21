// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.placement;

import dev.signet.provider.SignedRequired;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Every place a Jakarta REST user may write {@code @SignedRequired}, each on its own path. */
public final class PlacementResources {

    private PlacementResources() {
    }

    /** API-first: the generated interface carries the annotations, the resource only implements it. */
    @Path("/placement/interface-method")
    public interface AnnotatedInterfaceMethod {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical", scopes = "items:read")
        String get();

        @GET
        @Path("open")
        @Produces("application/json")
        String open();
    }

    public static class ImplementsAnnotatedInterfaceMethod implements AnnotatedInterfaceMethod {
        @Override
        public String get() {
            return "{\"served\":true}";
        }

        @Override
        public String open() {
            return "{\"open\":true}";
        }
    }

    @Path("/placement/interface-type")
    @SignedRequired(scheme = "canonical", scopes = "items:read")
    public interface AnnotatedInterfaceType {
        @GET
        @Produces("application/json")
        String get();
    }

    public static class ImplementsAnnotatedInterfaceType implements AnnotatedInterfaceType {
        @Override
        public String get() {
            return "{\"served\":true}";
        }
    }

    public abstract static class AnnotatedSuperMethod {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical", scopes = "items:read")
        public abstract String get();
    }

    @Path("/placement/superclass-method")
    public static class OverridesAnnotatedSuperMethod extends AnnotatedSuperMethod {
        @Override
        public String get() {
            return "{\"served\":true}";
        }
    }

    @SignedRequired(scheme = "canonical", scopes = "items:read")
    public abstract static class AnnotatedSuperType {
        @GET
        @Produces("application/json")
        public String get() {
            return "{\"served\":true}";
        }
    }

    @Path("/placement/superclass-type")
    public static class ExtendsAnnotatedSuperType extends AnnotatedSuperType {
    }

    @Path("/placement/locator")
    public static class Locator {
        @Path("sub")
        public AnnotatedSubResource sub() {
            return new AnnotatedSubResource();
        }
    }

    @SignedRequired(scheme = "canonical", scopes = "items:read")
    public static class AnnotatedSubResource {
        @GET
        @Produces("application/json")
        public String get() {
            return "{\"served\":true}";
        }
    }

    /** The method's annotation wins over its class's: here a stricter scope than the class asks. */
    @Path("/placement/method-wins")
    @SignedRequired(scheme = "canonical", scopes = "items:read")
    public static class MethodWinsOverClass {
        @GET
        @Produces("application/json")
        @SignedRequired(scheme = "canonical", scopes = "items:write")
        public String get() {
            return "{\"served\":true}";
        }
    }
}
