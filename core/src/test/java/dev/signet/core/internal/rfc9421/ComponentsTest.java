// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.rfc9421;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.core.internal.sf.StructuredFieldException;
import dev.signet.core.vectors.RfcVectors;
import dev.signet.core.internal.verification.HeaderSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9421 section 2's component examples ({@code components.json}), every line, and the errors the text names. */
class ComponentsTest {

    static Stream<JsonObject> cases() {
        return RfcVectors.load("components.json").getJsonArray("cases").getValuesAs(JsonObject.class).stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void everyComponentLineOfSection2(JsonObject c) {
        JsonObject m = c.getJsonObject("message");
        HeaderSource fields = m.containsKey("field_lines") ? RfcVectors.headers(m.getJsonArray("field_lines")) : name -> List.of();
        HttpMessage message = m.containsKey("method")
                ? HttpMessage.request(m.getString("method"), m.getString("target_uri"), m.getString("request_target"), fields)
                : m.containsKey("status") ? HttpMessage.response(m.getInt("status"), fields, null)
                : HttpMessage.request("GET", "https://example.com/", fields); // fields only
        if (m.containsKey("trailer_lines")) {
            message = message.withTrailers(RfcVectors.headers(m.getJsonArray("trailer_lines")));
        }
        FieldTypes types = FieldTypes.DEFAULT;
        if (c.containsKey("sf_types")) {
            for (String name : c.getJsonObject("sf_types").keySet()) {
                types = types.with(name, FieldTypes.Type.valueOf(c.getJsonObject("sf_types").getString(name).toUpperCase()));
            }
        }
        List<String> components = c.getJsonArray("components").getValuesAs(JsonString::getString);
        List<String> expected = c.getJsonArray("expected_lines").getValuesAs(JsonString::getString);
        for (int i = 0; i < components.size(); i++) {
            assertEquals(expected.get(i), SignatureBase.line(message, ComponentId.parse(components.get(i)), types),
                    c.getString("name") + ": " + components.get(i));
        }
    }

    @Test
    void theErrorsSection2Names() {
        HttpMessage get = HttpMessage.request("GET", "https://e.x/?a=1&a=2", HeaderSource.of(Map.of("Example-Dict", "a=1, b=2")));
        FieldTypes types = FieldTypes.DEFAULT.with("example-dict", FieldTypes.Type.DICTIONARY);
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"example-dict\";key=\"c\""), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"@status\""), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"@method\";req"), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"x-missing\""), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"@query-param\";name=\"a\""), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"@query-param\";name=\"z\""), types));
        assertThrows(ComponentException.class, () -> SignatureBase.line(get, ComponentId.parse("\"example-dict\";sf"), FieldTypes.DEFAULT));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"example-header\";bs;sf"));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"@signature-params\""));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"@unknown\""));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"Content-Type\""));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"date\";foo"));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("\"@path\";name=\"x\""));
        assertThrows(StructuredFieldException.class, () -> ComponentId.parse("token"));
    }

    @Test
    void fragmentsParseAndReserializeIdentically() {
        for (JsonObject c : RfcVectors.load("fragments.json").getJsonArray("cases").getValuesAs(JsonObject.class)) {
            if (!c.containsKey("value")) {
                continue;
            }
            String value = c.getString("value");
            if (c.getString("section").equals("2.3")) {
                assertEquals(value, SignatureParams.from(dev.signet.core.internal.sf.StructuredFields.parseList(value).get(0)).serialized());
            } else {
                assertEquals(value, dev.signet.core.internal.sf.StructuredFields.serializeDictionary(
                        dev.signet.core.internal.sf.StructuredFields.parseDictionary(value)), c.getString("name"));
            }
        }
    }
}
