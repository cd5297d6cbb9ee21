// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test server for a whole test class: {@code @RegisterExtension static RunningServer server =
 * new RunningServer(EchoResource.class);} then {@code server.http()}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final Class<?>[] resources;
    private SignetTestServer server;
    private SignedHttp http;

    public RunningServer(Class<?>... resources) {
        this.resources = resources.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SignetTestServer.start(resources);
        http = new SignedHttp(server.baseUri());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public SignedHttp http() {
        return http;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public <T> T bean(Class<T> type) {
        return server.bean(type);
    }
}
