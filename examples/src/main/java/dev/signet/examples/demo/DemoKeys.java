// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import dev.signet.core.keys.ApiKey;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.provider.keys.InMemoryKeyRepository;
import dev.signet.provider.keys.KeyFile;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The keys the demo server accepts, and the one its demo client signs with.
 *
 * @param repository what the server looks keys up in
 * @param clientKey  the key the demo client uses: one that may call every endpoint, where there is one
 * @param generated  whether the keys were made for this run (and so must be shown once, or nobody could use them)
 */
public record DemoKeys(InMemoryKeyRepository repository, ApiKey clientKey, boolean generated) {

    public DemoKeys {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(clientKey, "clientKey");
    }

    /** Two fresh keys: one with every demo scope, and one that may read but not call the scoped endpoints. */
    public static DemoKeys generate(KeyGenerator generator) {
        ApiKey full = ApiKey.builder(generator.newId("demo")).secret(generator.newSecret())
                .scopes(DemoScopes.READ, DemoScopes.WRITE).build();
        ApiKey readOnly = ApiKey.builder(generator.newId("demo-ro")).secret(generator.newSecret())
                .scopes(DemoScopes.READ).build();
        return new DemoKeys(new InMemoryKeyRepository(List.of(full, readOnly)), full, true);
    }

    /** The keys of a JSON key file (the provider's format); the client uses the first key that holds every demo scope. */
    public static DemoKeys load(Path file) {
        InMemoryKeyRepository repository = KeyFile.load(file);
        if (repository.all().isEmpty()) {
            throw new IllegalArgumentException("key file " + file + " holds no key");
        }
        return new DemoKeys(repository, clientKey(repository.all().stream().toList()), false);
    }

    /** The repository keeps no order, so keys are sorted by id: the same file always gives the same client key. */
    private static ApiKey clientKey(List<ApiKey> keys) {
        List<ApiKey> byId = keys.stream().sorted(Comparator.comparing(ApiKey::id)).toList();
        return byId.stream().filter(k -> k.hasScopes(Set.of(DemoScopes.READ, DemoScopes.WRITE)))
                .findFirst().orElse(byId.get(0));
    }

    /** Every key, sorted by id, for the banner. */
    public List<ApiKey> all() {
        return repository.all().stream().sorted(Comparator.comparing(ApiKey::id)).toList();
    }
}
