// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON.stringify's string escaping, rule by rule (ECMA-262 QuoteJSONString). */
class JsonStringTest {

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", JsonString.quote("a\"b\\c"));
    }

    @Test
    void shortEscapesAreUsedWhereJavaScriptHasThem() {
        assertEquals("\"\\b\\f\\n\\r\\t\"", JsonString.quote("\b\f\n\r\t"));
    }

    @Test
    void otherControlCharactersAreLowercaseUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u001f\"", JsonString.quote("\u0000\u0001\u001f"));
    }

    @Test
    void nonAsciiSlashAndLineSeparatorStayLiteral() {
        assertEquals("\"é/日本\u2028\u2029\u007f😀\"", JsonString.quote("é/日本\u2028\u2029\u007f😀"));
    }

    @Test
    void loneSurrogatesAreEscapedAsWellFormedStringifyDoes() {
        assertEquals("\"\\ud800x\\udc00\"", JsonString.quote("\ud800x\udc00"));
    }
}
