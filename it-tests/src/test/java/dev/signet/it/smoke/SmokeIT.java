package dev.signet.it.smoke;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.signet.it.Deployments;
import dev.signet.it.smoke.app.SmokeApplication;

/** A user's WAR (Jakarta REST + CDI + beans.xml) deploys on the managed GlassFish and answers over HTTP. */
@ExtendWith(ArquillianExtension.class)
class SmokeIT {

    // HTTP/1.1: the JDK client's default h2c upgrade can stall a POST body (TOOLCHAIN pitfall 2).
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("smoke").addPackage(SmokeApplication.class.getPackage());
    }

    @Test
    void resourceAnswersWithItsInjectedCdiBean() throws Exception {
        HttpResponse<String> response = HTTP.send(
            request("api/greeting?name=signet").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("hello, signet", response.body());
    }

    @Test
    void postBodyArrivesByteForByte() throws Exception {
        byte[] body = "{\"amount\":\"12.50\",\"note\":\"café ✓\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = HTTP.send(
            request("api/greeting")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(body, response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path)).timeout(Duration.ofSeconds(30));
    }
}
