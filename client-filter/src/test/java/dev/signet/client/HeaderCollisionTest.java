// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import dev.signet.core.scheme.SchemeHeaders;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application header that collides with one the scheme writes fails the call, naming the header, before
 * anything is sent: never a call whose signature header is the application's, never a silent overwrite.
 */
class HeaderCollisionTest {

    private static final String SECRET = "collision-secret-never-shown";
    private static final ApiKey KEY = ApiKey.of("collision-key", SECRET);
    private static final String APP_VALUE = "Bearer app-token-never-shown";

    /** Every preset with every header it writes, spelled as the application might: in another case. */
    static Stream<Arguments> schemeHeaders() {
        return Presets.all().stream().flatMap(scheme -> written(scheme.headers())
                .map(name -> Arguments.of(scheme, otherCase(name))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemeHeaders")
    void aCollidingHeaderFailsACallWithoutABody(Scheme scheme, String header) {
        SignedLog log = new SignedLog();
        try (JdkVerifyingServer server = JdkVerifyingServer.start(scheme, KEY); Client client = client(scheme, log)) {
            assertFailsNaming(header, () -> client.target(server.baseUri()).path("wallets").request()
                    .header(header, APP_VALUE).get().close());

            assertTrue(server.received().isEmpty(), "nothing was sent");
            assertTrue(log.all().isEmpty(), "nothing was signed");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemeHeaders")
    void aCollidingHeaderFailsACallWithABody(Scheme scheme, String header) {
        try (JdkVerifyingServer server = JdkVerifyingServer.start(scheme, KEY); Client client = client(scheme, new SignedLog())) {
            assertFailsNaming(header, () -> client.target(server.baseUri()).path("transfers").request()
                    .header(header, APP_VALUE).post(Entity.entity("{\"amount\":\"1.00\"}", MediaType.APPLICATION_JSON_TYPE))
                    .close());

            assertTrue(server.received().isEmpty(), "nothing was sent");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemeHeaders")
    void aCollidingHeaderAddedWhileTheBodyIsWrittenFailsTheCall(Scheme scheme, String header) {
        // Inner writer interceptors run after the request filter checked the headers, inside the signer, and
        // before the first byte: whether or not the scheme signs the body, it signs after they ran.
        WriterInterceptor addsHeader = context -> {
            context.getHeaders().add(header, APP_VALUE);
            context.proceed();
        };
        try (JdkVerifyingServer server = JdkVerifyingServer.start(scheme, KEY);
                Client client = client(scheme, new SignedLog()).register(addsHeader, Priorities.HEADER_DECORATOR)) {
            assertFailsNaming(header, () -> client.target(server.baseUri()).path("transfers").request()
                    .post(Entity.entity("{\"amount\":\"1.00\"}", MediaType.APPLICATION_JSON_TYPE)).close());

            assertTrue(server.received().isEmpty(), "nothing was sent");
        }
    }

    private static void assertFailsNaming(String header, Executable call) {
        ProcessingException failure = assertThrows(ProcessingException.class, call);
        String messages = messages(failure);
        assertTrue(messages.contains(header), messages);
        assertFalse(messages.contains(SECRET), messages);
        assertFalse(messages.contains(APP_VALUE), messages);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static Stream<String> written(SchemeHeaders headers) {
        return Stream.of(headers.keyId(), headers.timestamp(), headers.signature(), headers.nonce()).filter(Objects::nonNull);
    }

    private static String otherCase(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals(name) ? name.toLowerCase(Locale.ROOT) : upper;
    }

    private static Client client(Scheme scheme, SignedLog log) {
        return ClientBuilder.newClient().register(SigningFeature.builder(scheme).keyId(KEY.id()).secret(SECRET)
                .onSigned(log).build());
    }
}
