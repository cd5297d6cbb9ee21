// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import dev.signet.core.internal.canonical.CanonicalRequest;
import dev.signet.core.internal.signing.SignedHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/** Records what the feature signed, through its {@code onSigned} listener; safe across threads. */
public final class SignedLog implements BiConsumer<CanonicalRequest, SignedHeaders> {

    /** One signing: what was signed and the headers added. */
    public record Signing(CanonicalRequest request, SignedHeaders headers) {
    }

    private final ConcurrentLinkedQueue<Signing> signings = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(CanonicalRequest request, SignedHeaders headers) {
        signings.add(new Signing(request, headers));
    }

    public List<Signing> all() {
        return new ArrayList<>(signings);
    }

    public Signing only() {
        List<Signing> all = all();
        if (all.size() != 1) {
            throw new AssertionError("expected one signing, there were " + all.size());
        }
        return all.get(0);
    }

    public Signing last() {
        List<Signing> all = all();
        if (all.isEmpty()) {
            throw new AssertionError("nothing was signed");
        }
        return all.get(all.size() - 1);
    }
}
