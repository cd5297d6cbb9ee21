// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of a {@link ChildServer}: a {@link SignetTestServer} in a JVM of its own. Arguments are
 * {@code setting=value} pairs and {@code +resource.Class} names. Prints its port, then serves until its
 * standard input closes.
 */
public final class ChildServerMain {

    static final String READY = "SIGNET-CHILD-PORT ";

    private ChildServerMain() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Map<String, String> settings = new LinkedHashMap<>();
        List<Class<?>> resources = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("+")) {
                resources.add(Class.forName(arg.substring(1)));
            } else {
                int eq = arg.indexOf('=');
                settings.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        try (SignetTestServer server = SignetTestServer.start(settings, null, resources.toArray(Class<?>[]::new))) {
            System.out.println(READY + server.baseUri().getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the parent closes our input (or dies)
            }
        }
        System.exit(0);
    }
}
