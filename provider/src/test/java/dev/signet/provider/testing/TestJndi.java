// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * The JNDI of the provider's test JVM (the system property java.naming.factory.initial names it): a map that tests bind objects in, as an
 * application server binds its {@code DataSource}s. Only {@code lookup} works; an unbound name is a
 * {@link NameNotFoundException}, as on a server.
 */
public final class TestJndi implements InitialContextFactory {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    public static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    public static void unbind(String name) {
        BOUND.remove(name);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(TestJndi.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = args[0] instanceof Name n ? n.toString() : (String) args[0];
                        Object value = BOUND.get(name);
                        if (value == null) {
                            throw new NameNotFoundException(name + " is not bound");
                        }
                        yield value;
                    }
                    case "close" -> null;
                    case "getEnvironment" -> new Hashtable<>(environment);
                    case "toString" -> "TestJndi";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new OperationNotSupportedException(method.getName());
                });
    }
}
