package dev.signet.provider.verification;

import dev.signet.provider.SignedRequired;
import java.lang.reflect.Method;
import java.util.Set;

/** What one resource method asks for: a scheme (blank for the default) and the scopes a key must hold. */
public record EndpointPolicy(String scheme, Set<String> scopes) {

    public EndpointPolicy {
        scopes = Set.copyOf(scopes);
    }

    /** The method's annotation wins over its class's; null when neither asks for a signature. */
    public static EndpointPolicy of(Class<?> resourceClass, Method method) {
        SignedRequired annotation = method.getAnnotation(SignedRequired.class);
        if (annotation == null) {
            annotation = resourceClass.getAnnotation(SignedRequired.class);
        }
        return annotation == null ? null : new EndpointPolicy(annotation.scheme(), Set.of(annotation.scopes()));
    }
}
