// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.core.scheme.Presets;
import dev.signet.provider.placement.PlacementResources.ExtendsAnnotatedSuperType;
import dev.signet.provider.placement.PlacementResources.ImplementsAnnotatedInterfaceMethod;
import dev.signet.provider.placement.PlacementResources.ImplementsAnnotatedInterfaceType;
import dev.signet.provider.placement.PlacementResources.Locator;
import dev.signet.provider.placement.PlacementResources.MethodWinsOverClass;
import dev.signet.provider.placement.PlacementResources.OverridesAnnotatedSuperMethod;
import dev.signet.provider.testing.Json;
import dev.signet.provider.testing.RunningServer;
import dev.signet.provider.testing.TestKeys;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code @SignedRequired} is enforced wherever a Jakarta REST user may write it. Before, an annotation on an
 * interface method or a superclass was ignored and the endpoint served without any check.
 */
class AnnotationPlacementTest {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(ImplementsAnnotatedInterfaceMethod.class,
            ImplementsAnnotatedInterfaceType.class, OverridesAnnotatedSuperMethod.class, ExtendsAnnotatedSuperType.class,
            Locator.class, MethodWinsOverClass.class);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/placement/interface-method", "/placement/interface-type", "/placement/superclass-method",
            "/placement/superclass-type", "/placement/locator/sub"})
    void anUnsignedRequestIsRefusedWhereverTheAnnotationIsWritten(String path) {
        HttpResponse<String> unsigned = SERVER.http().get(path).send();
        assertEquals(401, unsigned.statusCode(), path);
        assertEquals("https://signet.dev/problems/missing-credentials", Json.field(unsigned.body(), "type"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/placement/interface-method", "/placement/interface-type", "/placement/superclass-method",
            "/placement/superclass-type", "/placement/locator/sub"})
    void aSignedRequestIsServedWhereverTheAnnotationIsWritten(String path) {
        HttpResponse<String> signed = SERVER.http().get(path).signed(Presets.CANONICAL, TestKeys.READER).send();
        assertEquals(200, signed.statusCode(), path + ": " + signed.body());
    }

    @Test
    void aMethodOfTheSameInterfaceWithoutTheAnnotationStaysOpen() {
        assertEquals(200, SERVER.http().get("/placement/interface-method/open").send().statusCode());
    }

    @Test
    void theMethodsAnnotationWinsOverItsClasss() {
        HttpResponse<String> reader = SERVER.http().get("/placement/method-wins").signed(Presets.CANONICAL, TestKeys.READER).send();
        assertEquals(403, reader.statusCode());
        assertEquals("https://signet.dev/problems/scope-missing", Json.field(reader.body(), "type"));
        assertEquals(200, SERVER.http().get("/placement/method-wins").signed(Presets.CANONICAL, TestKeys.WRITER).send().statusCode());
    }
}
