// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.client.SigningFeature;
import dev.signet.it.Deployments;
import dev.signet.it.payara.mpclient.PartnerApplication;
import dev.signet.it.payara.mpclient.PartnerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Rest Client on a real server: Payara Micro's own implementation (Jersey's) builds a typed
 * client whose interface carries {@code @RegisterProvider(MicroProfileSigningFeature.class)}, with
 * {@code signet.client.*} and the client's URL from the WAR's {@code microprofile-config.properties}; it calls
 * a {@code @SignedRequired} endpoint of the same server, which Signet's provider verifies.
 *
 * <p>Runs after {@link PayaraMicroScenariosIT} (Failsafe runs classes alphabetically here) on the same port;
 * the deployment waits until that server has let the ports go.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestClientOnPayaraMicroIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Not the adapter's URL: that is the first application Micro lists, which need not be this one. */
    private final URI base = URI.create("http://127.0.0.1:" + port("it.payara.httpPort") + "/partner/");

    @Deployment(testable = false)
    static WebArchive deployment() throws InterruptedException {
        waitUntilFree(port("it.payara.httpPort"));
        waitUntilFree(port("it.payara.hazelcastPort"));
        emptyRootDirectory(); // else this Micro redeploys the previous class's WAR from it
        String partnerUrl = "http://127.0.0.1:" + port("it.payara.httpPort") + "/partner/api";
        String config = String.join("\n",
                "partner/mp-rest/url=" + partnerUrl,
                "partner-by-config/mp-rest/url=" + partnerUrl,
                "partner-by-config/mp-rest/providers=dev.signet.client.microprofile.MicroProfileSigningFeature",
                "signet.client.scheme=canonical-nonce",
                "signet.client.key-id=" + PartnerKeys.KEY_ID,
                "signet.client.secret=" + PartnerKeys.SECRET, "");
        // The client filter as a user's WAR carries it: a jar in WEB-INF/lib.
        JavaArchive clientFilter = ShrinkWrap.create(JavaArchive.class, "signet-client-filter.jar")
                .addPackages(true, SigningFeature.class.getPackage());
        return Deployments.war("partner")
                .addAsLibrary(clientFilter)
                .addPackage(PartnerApplication.class.getPackage())
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    @Test
    void aTypedClientSignsAGetThatTheServerVerifies() throws Exception {
        HttpResponse<String> direct = get("api/partner/hello");
        assertEquals(401, direct.statusCode(), "the partner API is signed: " + direct.body());

        HttpResponse<String> relayed = get("api/call/hello");
        assertEquals(200, relayed.statusCode(), relayed.body());
        assertEquals("{\"greeting\":\"hello\",\"caller\":\"mp-caller\"}", relayed.body());
    }

    @Test
    void theFeatureRegisteredByConfigurationAloneSignsToo() throws Exception {
        HttpResponse<String> relayed = get("api/call/hello-by-config");
        assertEquals(200, relayed.statusCode(), relayed.body());
        assertEquals("{\"greeting\":\"hello\",\"caller\":\"mp-caller\"}", relayed.body());
    }

    @Test
    void aTypedClientSignsAPostOverItsExactBytes() throws Exception {
        HttpResponse<String> relayed = HTTP.send(HttpRequest.newBuilder(base.resolve("api/call/order"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, relayed.statusCode(), relayed.body());
        assertTrue(relayed.body().contains("\"caller\":\"mp-caller\"") && relayed.body().contains("caf\u00e9"),
                relayed.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    private static void emptyRootDirectory() {
        Path root = Path.of(System.getProperty("payara.rootdir"));
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Payara Micro of the previous class exits a few seconds after its tests; its ports must be free first. */
    private static void waitUntilFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(250); // still listening
            } catch (IOException free) {
                return;
            }
        }
        throw new IllegalStateException("port " + port + " is still taken after 60 s");
    }
}
