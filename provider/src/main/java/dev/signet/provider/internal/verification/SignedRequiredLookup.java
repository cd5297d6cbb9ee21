// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.provider.SignedRequired;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds {@link SignedRequired} wherever a Jakarta REST user may write it: on the resource method, on an
 * interface method it implements or a superclass method it overrides (the API-first pattern, where
 * resources implement generated interfaces), or on any of those types. The nearest method annotation wins;
 * a method annotation wins over a type annotation. Missing one of these places would serve the endpoint
 * without any check, so the search is deliberately wide.
 */
final class SignedRequiredLookup {

    /** The annotation found and where, such as {@code method Api.create(String)}. */
    record Found(SignedRequired annotation, String where) {
    }

    private SignedRequiredLookup() {
    }

    static Optional<Found> find(Class<?> resourceClass, Method method) {
        List<Class<?>> types = hierarchy(resourceClass, method.getDeclaringClass());
        for (Class<?> type : types) {
            Method same = declared(type, method);
            if (same != null && same.isAnnotationPresent(SignedRequired.class)) {
                return Optional.of(new Found(same.getAnnotation(SignedRequired.class), "method " + describe(same)));
            }
        }
        for (Class<?> type : types) {
            if (type.isAnnotationPresent(SignedRequired.class)) {
                return Optional.of(new Found(type.getAnnotation(SignedRequired.class), "type " + type.getName()));
            }
        }
        return Optional.empty();
    }

    /** Any annotation, searched as {@link SignedRequired} is: nearest method first, then the types. */
    static <A extends java.lang.annotation.Annotation> Optional<A> find(Class<A> annotation, Class<?> resourceClass,
            Method method) {
        List<Class<?>> types = hierarchy(resourceClass, method.getDeclaringClass());
        for (Class<?> type : types) {
            Method same = declared(type, method);
            if (same != null && same.isAnnotationPresent(annotation)) {
                return Optional.of(same.getAnnotation(annotation));
            }
        }
        for (Class<?> type : types) {
            if (type.isAnnotationPresent(annotation)) {
                return Optional.of(type.getAnnotation(annotation));
            }
        }
        return Optional.empty();
    }

    static String describe(Method m) {
        StringBuilder out = new StringBuilder(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName()).append('(');
        Class<?>[] parameters = m.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            out.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
        }
        return out.append(')').toString();
    }

    /**
     * The resource class, its superclasses, and every interface any of them implements, nearest first;
     * then the same for the class that declares the method, when the runtime hands over an inherited one.
     */
    static List<Class<?>> hierarchy(Class<?> resourceClass, Class<?> declaring) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Class<?> start : new Class<?>[] {resourceClass, declaring}) {
            List<Class<?>> interfaces = new ArrayList<>();
            for (Class<?> c = start; c != null && c != Object.class; c = c.getSuperclass()) {
                if (isProxy(c)) {
                    continue; // a CDI or EJB proxy subclass: its annotations, if any, are copies
                }
                seen.add(c);
                interfaces.add(c);
            }
            Deque<Class<?>> queue = new ArrayDeque<>(interfaces);
            while (!queue.isEmpty()) {
                for (Class<?> i : queue.poll().getInterfaces()) {
                    if (seen.add(i)) {
                        queue.add(i);
                    }
                }
            }
        }
        return List.copyOf(seen);
    }

    private static boolean isProxy(Class<?> c) {
        return c.isSynthetic() || c.getName().contains("$Proxy$_$$_Weld") || c.getName().contains("$$");
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException notHere) {
            return null;
        }
    }

}
