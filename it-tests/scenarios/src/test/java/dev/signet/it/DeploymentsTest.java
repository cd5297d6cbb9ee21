// SPDX-License-Identifier: Apache-2.0
package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentsTest {

    @TempDir
    Path libs;

    @Test
    void warCarriesAnEmptyBeansXmlAndEveryJarOfTheLibrariesFolder() throws Exception {
        jar("signet-provider.jar");
        jar("infinispan-core.jar");
        Files.writeString(libs.resolve("README.txt"), "not a library");

        WebArchive war = Deployments.war("app", libs);

        assertEquals("app.war", war.getName());
        assertNotNull(war.get("WEB-INF/beans.xml"));
        assertEquals(Set.of("/WEB-INF/lib/infinispan-core.jar", "/WEB-INF/lib/signet-provider.jar"), libraries(war));
    }

    @Test
    void missingLibrariesFolderMeansAWarWithoutLibraries() {
        WebArchive war = Deployments.war("app", libs.resolve("absent"));

        assertEquals(Set.of(), libraries(war));
    }

    private void jar(String name) {
        ShrinkWrap.create(JavaArchive.class, name).addClass(DeploymentsTest.class)
            .as(ZipExporter.class).exportTo(libs.resolve(name).toFile());
    }

    private static Set<String> libraries(WebArchive war) {
        Set<String> paths = new TreeSet<>();
        for (ArchivePath path : war.getContent().keySet()) {
            String name = path.get();
            if (name.startsWith("/WEB-INF/lib/") && name.endsWith(".jar")) {
                paths.add(name);
            }
        }
        return paths;
    }
}
