// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.internal.sf.StructuredFields;
import dev.signet.core.internal.sf.StructuredFields.ByteSequence;
import dev.signet.core.internal.sf.StructuredFields.Item;
import dev.signet.core.internal.sf.StructuredFields.Member;
import dev.signet.core.rfc9421.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 9530's {@code Content-Digest}: a Dictionary of digests of the message content, as bytes, keyed by
 * algorithm. Signet produces and checks {@code sha-256} and {@code sha-512}, the two the RFC's registry marks
 * active; other members (md5, sha, crc32c...) are ignored as RFC 9530 section 5 allows.
 */
public final class ContentDigest {

    public static final String FIELD = "Content-Digest";

    private ContentDigest() {
    }

    /** The field value for {@code body}: {@code sha-256=:...:}. */
    public static String of(byte[] body, DigestAlgorithm algorithm) {
        Hasher h = new Hasher(Set.of(algorithm));
        h.update(body, 0, body.length);
        return field(h.finish());
    }

    /** The field value for digests already computed, in the algorithms' order. */
    public static String field(Map<DigestAlgorithm, byte[]> digests) {
        Map<String, Member> dict = new LinkedHashMap<>();
        new EnumMap<>(digests).forEach((a, d) -> dict.put(a.key(), Item.of(new ByteSequence(d))));
        return StructuredFields.serializeDictionary(dict);
    }

    /**
     * The digests a field value holds for the algorithms Signet checks; empty when it names none of them.
     *
     * @throws StructuredFieldException when the value is not a Dictionary, or a known member is not a Byte
     *                                  Sequence of the algorithm's length
     */
    public static Map<DigestAlgorithm, byte[]> parse(String value) {
        Map<DigestAlgorithm, byte[]> out = new EnumMap<>(DigestAlgorithm.class);
        for (Map.Entry<String, Member> m : StructuredFields.parseDictionary(value).entrySet()) {
            Optional<DigestAlgorithm> a = DigestAlgorithm.byKey(m.getKey());
            if (a.isEmpty()) {
                continue;
            }
            if (!(m.getValue() instanceof Item item) || !(item.value() instanceof ByteSequence bytes)
                    || bytes.bytes().length != a.get().newDigest().getDigestLength()) {
                throw new StructuredFieldException(m.getKey() + " is not a digest of its length");
            }
            out.put(a.get(), bytes.bytes());
        }
        return out;
    }

    /** Whether every digest {@code claimed} holds equals the one computed; compared in constant time. */
    public static boolean matches(Map<DigestAlgorithm, byte[]> claimed, Map<DigestAlgorithm, byte[]> computed) {
        if (claimed.isEmpty()) {
            return false;
        }
        boolean all = true;
        for (Map.Entry<DigestAlgorithm, byte[]> c : claimed.entrySet()) {
            byte[] mine = computed.get(c.getKey());
            all &= mine != null && MessageDigest.isEqual(mine, c.getValue());
        }
        return all;
    }

    /** Digests a body as it streams, with each algorithm asked for. Not thread-safe. */
    public static final class Hasher {
        private final Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);

        public Hasher(Set<DigestAlgorithm> algorithms) {
            algorithms.forEach(a -> digests.put(a, a.newDigest()));
        }

        public void update(byte[] bytes, int offset, int length) {
            digests.values().forEach(d -> d.update(bytes, offset, length));
        }

        public Map<DigestAlgorithm, byte[]> finish() {
            Map<DigestAlgorithm, byte[]> out = new EnumMap<>(DigestAlgorithm.class);
            digests.forEach((a, d) -> out.put(a, d.digest()));
            return out;
        }
    }
}
