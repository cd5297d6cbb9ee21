// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import dev.signet.core.internal.verification.Endpoint;
import dev.signet.core.internal.verification.SignatureScheme;
import dev.signet.provider.Idempotent;
import dev.signet.provider.SignetRuntime;
import dev.signet.provider.internal.verification.SignedRequiredLookup.Found;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves a resource method at deployment: whether it is signed, under which scheme, with which scopes,
 * and, for a webhook scheme, with which key.
 */
public final class SignedEndpoints {

    private SignedEndpoints() {
    }

    /**
     * The method's signed endpoint, or empty when no {@code @SignedRequired} applies to it.
     *
     * @throws IllegalStateException when the annotation names a scheme this application does not have: the
     *                               deployment fails with the method and the known schemes named
     */
    public static Optional<SignedEndpoint> resolve(SignetRuntime runtime, Class<?> type, Method method) {
        Optional<Found> found = SignedRequiredLookup.find(type, method);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String name = found.get().annotation().scheme();
        SignatureScheme scheme = runtime.schemes().find(name).orElseThrow(() -> new IllegalStateException(
                "Signet: @SignedRequired(scheme = \"" + name + "\") on " + found.get().where() + " (serving "
                        + SignedRequiredLookup.describe(method) + ") names an unknown scheme; known: "
                        + runtime.schemes().names()));
        Optional<String> key = endpointKey(runtime, scheme, found.get(), method);
        int ratePerMinute = found.get().annotation().ratePerMinute();
        if (ratePerMinute < 0) {
            throw new IllegalStateException("Signet: @SignedRequired(ratePerMinute = " + ratePerMinute + ") on "
                    + found.get().where() + " must be 0 (none of its own) or more");
        }
        Endpoint endpoint = new Endpoint(java.util.Set.of(found.get().annotation().scopes()), key, ratePerMinute,
                ratePerMinute == 0 ? "" : httpMethod(type, method) + " " + path(type, method));
        boolean signResponse = signsResponses(runtime, scheme, found.get());
        return Optional.of(new SignedEndpoint(runtime.pipeline(scheme), endpoint, found.get().where(), signResponse));
    }

    /**
     * Whether the endpoint's responses are signed (RFC 9421 section 2.4): by its annotation, or for every
     * rfc9421 endpoint by setting. Only an RFC 9421 scheme can bind a response to the request's signature,
     * and only a server with a response key can sign: either mistake fails the deployment, not a request.
     */
    private static boolean signsResponses(SignetRuntime runtime, SignatureScheme scheme, Found found) {
        boolean rfc9421 = scheme instanceof dev.signet.core.internal.rfc9421.Rfc9421Scheme;
        boolean signResponse = found.annotation().signResponse() || (rfc9421 && runtime.settings().responseSigning().all());
        if (signResponse && !rfc9421) {
            throw new IllegalStateException("Signet: @SignedRequired(signResponse = true) on " + found.where()
                    + " needs an RFC 9421 scheme, not " + scheme.name());
        }
        if (signResponse && runtime.responseSigner().isEmpty()) {
            throw new IllegalStateException("Signet: " + found.where() + " signs its responses, but the server has"
                    + " no response key: set signet.rfc9421.response-key-id, signet.rfc9421.response-algorithm and"
                    + " signet.rfc9421.response-key-file");
        }
        return signResponse;
    }

    /**
     * The key the endpoint names: the annotation's {@code key}, else the {@code signet.scheme.<name>.key}
     * setting. Required under a scheme whose requests name no key (webhooks), refused under one whose
     * requests do: either mistake would otherwise surface as every request refused, or as a key silently
     * ignored.
     */
    private static Optional<String> endpointKey(SignetRuntime runtime, SignatureScheme scheme, Found found, Method method) {
        String annotated = found.annotation().key().trim();
        String where = found.where() + " (serving " + SignedRequiredLookup.describe(method) + ")";
        if (!scheme.keyNamedByEndpoint()) {
            if (!annotated.isEmpty()) {
                throw new IllegalStateException("Signet: @SignedRequired(key = \"" + annotated + "\") on " + where
                        + " names a key, but requests under scheme " + scheme.name() + " name their own key in a header;"
                        + " remove key, or use a webhook scheme");
            }
            return Optional.empty();
        }
        Optional<String> key = annotated.isEmpty() ? runtime.settings().schemeKey(scheme.name()) : Optional.of(annotated);
        if (key.isEmpty()) {
            throw new IllegalStateException("Signet: @SignedRequired(scheme = \"" + scheme.name() + "\") on " + where
                    + " names no key: a " + scheme.name() + " webhook does not say which key signed it, so the endpoint"
                    + " must. Add key = \"<key id>\" to the annotation, or set signet.scheme." + scheme.name() + ".key");
        }
        if (!dev.signet.core.internal.canonical.CanonicalRequest.isWellFormedKeyId(key.get())) {
            throw new IllegalStateException("Signet: @SignedRequired(key = ...) on " + where
                    + " is not a key id (1 to 256 visible ASCII characters)");
        }
        return key;
    }

    /** The method's {@code @Idempotent}, wherever written (the method's wins over its type's). */
    public static Optional<Idempotent> idempotent(Class<?> type, Method method) {
        return SignedRequiredLookup.find(Idempotent.class, type, method);
    }

    /** The method's row of the start-up table. */
    public static EndpointTable.Row row(Class<?> type, Method method, Optional<SignedEndpoint> signed) {
        return new EndpointTable.Row(httpMethod(type, method), path(type, method), type.getSimpleName() + "."
                + SignedRequiredLookup.describe(method).substring(method.getDeclaringClass().getSimpleName().length() + 1),
                signed.map(e -> e.pipeline().scheme().name() + e.endpoint().key().map(k -> " (key " + k + ")").orElse(""))
                        .orElse(null),
                signed.map(e -> List.copyOf(new TreeSet<>(e.endpoint().scopes()))).orElse(List.of()));
    }

    private static String httpMethod(Class<?> type, Method method) {
        for (Class<?> c : SignedRequiredLookup.hierarchy(type, method.getDeclaringClass())) {
            Method m = declared(c, method);
            if (m != null) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        return http.value();
                    }
                }
            }
        }
        return "*";
    }

    /** The class's and the method's {@code @Path}, nearest first, as written (relative to the application). */
    private static String path(Class<?> type, Method method) {
        String classPath = "";
        String methodPath = "";
        for (Class<?> c : SignedRequiredLookup.hierarchy(type, method.getDeclaringClass())) {
            Path onType = c.getAnnotation(Path.class);
            if (classPath.isEmpty() && onType != null) {
                classPath = onType.value();
            }
            Method m = declared(c, method);
            Path onMethod = m == null ? null : m.getAnnotation(Path.class);
            if (methodPath.isEmpty() && onMethod != null) {
                methodPath = onMethod.value();
            }
        }
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
