// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.keys.Secret;
import dev.signet.core.scheme.SignedStringRecipe.Template;
import java.util.EnumSet;
import java.util.Set;

/**
 * Fuzzes the parsing of signed-string templates.
 *
 * <p>Invariants: {@code parse} throws nothing but an IllegalArgumentException with a message; a parsed template
 * renders without throwing, covers exactly the components it names, and never shows the secret when redacted;
 * a template without placeholders renders as its own text with each two-character {@code \n} made a newline.
 */
public class SignedStringTemplateFuzzTest {

    private static final ComponentValues VALUES = new ComponentValues("POST", "/p", "", "1795428000", "n-1",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "key-1", Secret.of("s3cret"));

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"{", "}", "\\n", "{method}", "{path}", "{timestamp}", "{nonce}", "{bodyHash}", "{keyId}", "{secret}"})
    public void templateParsesOrIsRefusedWithAMessage(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();

        Template template;
        try {
            template = Template.parse(text);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            assertFalse(refused.getMessage().isBlank());
            return;
        }

        String rendered = template.render(VALUES);
        String redacted = template.renderRedacted(VALUES);
        Set<Component> named = EnumSet.noneOf(Component.class);
        for (Component c : Component.values()) {
            if (text.contains("{" + c.templateName() + "}")) {
                named.add(c);
            }
        }
        assertEquals(named, template.components(), text);
        if (!text.contains("s3cret")) {
            assertFalse(redacted.contains("s3cret"), text);
        }
        if (text.indexOf('{') < 0) {
            assertEquals(text.replace("\\n", "\n"), rendered, text);
        }
    }
}
