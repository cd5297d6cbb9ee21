// SPDX-License-Identifier: Apache-2.0
package dev.signet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs built the way a user builds theirs: an empty {@code beans.xml} and the libraries in
 * {@code WEB-INF/lib}. The server supplies Jakarta REST, CDI, Jersey and Weld, so none of those go in.
 *
 * <p>The libraries are every jar in {@value #WAR_LIBS_PROPERTY}: the build copies this module's compile
 * and runtime dependencies there ({@code dependency:copy-dependencies}, includeScope runtime), so adding a
 * jar to every test WAR means adding a compile-scope dependency to it-tests/pom.xml. Test code, the
 * Jakarta APIs (provided) and the test frameworks (test) never land there.
 */
public final class Deployments {

    /** The system property Failsafe sets to the folder of WAR libraries. */
    public static final String WAR_LIBS_PROPERTY = "it.war-libs.dir";

    private Deployments() {
    }

    /** A WAR named {@code name.war} (so its context root is {@code /name}) with every WAR library; add your classes. */
    public static WebArchive war(String name) {
        return war(name, warLibsDir());
    }

    /** As {@link #war(String)}, with the libraries taken from {@code libsDir}. */
    public static WebArchive war(String name, Path libsDir) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (Path jar : libraries(libsDir)) {
            war.addAsLibrary(jar.toFile());
        }
        return war;
    }

    /** The jars in {@code libsDir}, sorted by name; none when the folder does not exist (no library declared yet). */
    public static List<Path> libraries(Path libsDir) {
        if (!Files.isDirectory(libsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(libsDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list WAR libraries in " + libsDir, e);
        }
    }

    /** Where the build put the WAR libraries; {@code target/war-libs} when run outside Maven from the module folder. */
    public static Path warLibsDir() {
        return Path.of(System.getProperty(WAR_LIBS_PROPERTY, "target/war-libs"));
    }
}
