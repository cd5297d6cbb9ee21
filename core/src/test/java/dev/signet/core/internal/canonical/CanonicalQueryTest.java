// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented canonical query: sorted, re-encoded, and sensitive to every name and value. */
class CanonicalQueryTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|''",
        "b=2&a=1|a=1&b=2",
        "a=2&a=1|a=1&a=2",
        "flag|flag=",
        "a=%7e&b=%41|a=~&b=A",
        "q=caf%c3%a9|q=caf%C3%A9",
        "q=café|q=caf%C3%A9",
        "q=a+b|q=a%2Bb",
        "q=a%20b|q=a%20b",
        "&&a=1&|a=1",
        "bad=%zz|bad=%25zz",
        "end=%|end=%25",
    })
    void canonicalForm(String raw, String canonical) {
        assertEquals(canonical, CanonicalQuery.of(raw));
    }

    @Test
    void anyChangedValueChangesTheForm() {
        assertNotEquals(CanonicalQuery.of("amount=100"), CanonicalQuery.of("amount=1000"));
        assertNotEquals(CanonicalQuery.of("a=1&b=2"), CanonicalQuery.of("a=1&b=2&c=3"));
        assertNotEquals(CanonicalQuery.of("a=1%262"), CanonicalQuery.of("a=1&2"), "an encoded & is data, not a separator");
    }
}
