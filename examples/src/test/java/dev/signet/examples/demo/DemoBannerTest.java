// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.core.keys.ApiKey;
import dev.signet.examples.keys.KeyGenerator;
import dev.signet.examples.testing.DemoKeyFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoBannerTest {

    static final URI BASE = URI.create("http://127.0.0.1:8080");

    @Test
    void generatedSecretsAppearInTheKeyListAndNotInTheTryItCommand() {
        DemoKeys keys = DemoKeys.generate(new KeyGenerator());
        String banner = DemoBanner.render(BASE, keys, Optional.empty());
        String tryIt = DemoBanner.tryIt(BASE, keys, Optional.empty());
        for (ApiKey key : keys.all()) {
            assertTrue(banner.contains(key.signingSecret().reveal()), banner);
            assertFalse(tryIt.contains(key.signingSecret().reveal()), tryIt);
        }
        assertTrue(tryIt.contains("--key-id " + keys.clientKey().id()), tryIt);
    }

    @Test
    void keysFromAFileAreListedWithoutTheirSecretsAndTheCommandNamesTheFile(@TempDir Path directory) {
        Path file = DemoKeyFiles.write(directory);
        DemoKeys keys = DemoKeys.load(file);
        String banner = DemoBanner.render(BASE, keys, Optional.of(file)) + DemoBanner.tryIt(BASE, keys, Optional.of(file));
        assertFalse(banner.contains(DemoKeyFiles.WRITER_SECRET), banner);
        assertFalse(banner.contains(DemoKeyFiles.READER_SECRET), banner);
        assertTrue(banner.contains(DemoKeyFiles.READER_ID), banner);
        assertTrue(banner.contains("--keys " + file + " --key-id " + DemoKeyFiles.WRITER_ID), banner);
    }
}
