// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LoopbackDomainTest {

    private static final DomainPorts PORTS = new DomainPorts(18000);

    @TempDir
    Path dir;

    private Path domainXml;

    @BeforeEach
    void copyFixture() throws Exception {
        domainXml = dir.resolve("domain.xml");
        try (InputStream fixture = getClass().getResourceAsStream("/glassfish/domain-fixture.xml")) {
            Files.copy(fixture, domainXml);
        }
    }

    @Test
    void everyListenerOfEveryConfigBindsLoopback() throws Exception {
        LoopbackDomain.apply(domainXml, PORTS);

        List<String> addresses = values("//network-listener/@address | //iiop-listener/@address | //jmx-connector/@address");
        assertEquals(11, addresses.size(), addresses::toString);
        assertTrue(addresses.stream().allMatch("127.0.0.1"::equals), addresses::toString);
        assertEquals(5, count("//network-listener"), "every listener got an address attribute");
    }

    @Test
    void serverPortsComeFromTheBase() throws Exception {
        LoopbackDomain.apply(domainXml, PORTS);

        String server = "//config[@name='server-config']";
        assertEquals("18048", value(server + "//network-listener[@name='admin-listener']/@port"));
        assertEquals("18080", value(server + "//network-listener[@name='http-listener-1']/@port"));
        assertEquals("18081", value(server + "//network-listener[@name='http-listener-2']/@port"));
        assertEquals(List.of("18037", "18038", "18039"), values(server + "//iiop-listener/@port"));
        assertEquals("18086", value(server + "//jmx-connector/@port"));
        assertEquals("18076", value(server + "/system-property[@name='JMS_PROVIDER_PORT']/@value"));
        assertEquals("-Dosgi.shell.telnet.port=18066",
            value(server + "//jvm-options[starts-with(., '-Dosgi.shell.telnet.port')]"));
        assertEquals("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:18009",
            value(server + "/java-config/@debug-options"));
    }

    @Test
    void theServersHttpThreadPoolHoldsSixtyFourRequestsAtOnceAndNothingElseChanges() throws Exception {
        LoopbackDomain.apply(domainXml, PORTS);

        String pools = "//config[@name='server-config']/thread-pools/thread-pool";
        assertEquals(List.of("admin-thread-pool", "http-thread-pool", "thread-pool-1"), values(pools + "/@name"));
        assertEquals("64", value(pools + "[@name='http-thread-pool']/@min-thread-pool-size"));
        assertEquals("128", value(pools + "[@name='http-thread-pool']/@max-thread-pool-size"));
        assertEquals("50", value(pools + "[@name='admin-thread-pool']/@max-thread-pool-size"));
        assertEquals("200", value(pools + "[@name='thread-pool-1']/@max-thread-pool-size"));
        assertEquals(0, count("//config[@name='default-config']/thread-pools"), "the template is left alone");
        assertFalse(LoopbackDomain.apply(domainXml, PORTS), "a second run changes nothing");
    }

    @Test
    void aServerConfigWithoutThreadPoolsGetsTheHttpOne() throws Exception {
        Files.writeString(domainXml, Files.readString(domainXml).replaceAll("(?s)<thread-pools>.*?</thread-pools>", ""));

        assertTrue(LoopbackDomain.apply(domainXml, PORTS));

        String http = "//config[@name='server-config']/thread-pools/thread-pool[@name='http-thread-pool']";
        assertEquals(1, count(http));
        assertEquals("128", value(http + "/@max-thread-pool-size"));
        assertFalse(LoopbackDomain.apply(domainXml, PORTS));
    }

    @Test
    void templateConfigKeepsItsPortPlaceholders() throws Exception {
        LoopbackDomain.apply(domainXml, PORTS);

        String template = "//config[@name='default-config']";
        assertEquals("${HTTP_LISTENER_PORT}", value(template + "//network-listener[@name='http-listener-1']/@port"));
        assertEquals("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:${JAVA_DEBUGGER_PORT}",
            value(template + "/java-config/@debug-options"));
    }

    @Test
    void jmsBrokerIsDisabledEvenWhereTheConfigNamedNone() throws Exception {
        LoopbackDomain.apply(domainXml, PORTS);

        assertEquals(List.of("DISABLED", "DISABLED"), values("//config/jms-service/@type"));
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        assertTrue(LoopbackDomain.apply(domainXml, PORTS));
        String once = Files.readString(domainXml);

        assertFalse(LoopbackDomain.apply(domainXml, PORTS));
        assertEquals(once, Files.readString(domainXml));
    }

    @Test
    void settingsBecomeJvmOptionsOfTheServerConfigOnceEach() throws Exception {
        List<String> settings = List.of("-Dsignet.scheme=canonical", "-Dsignet.max-body-bytes=1024");
        LoopbackDomain.apply(domainXml, PORTS, settings);
        assertTrue(LoopbackDomain.apply(domainXml, PORTS, List.of("-Dsignet.scheme=canonical-nonce")));

        assertEquals(List.of("-Dsignet.scheme=canonical-nonce"),
            values("//config[@name='server-config']/java-config/jvm-options[starts-with(., '-Dsignet.scheme=')]"));
        assertEquals(1, count("//config[@name='server-config']/java-config/jvm-options[. = '-Dsignet.max-body-bytes=1024']"));
        assertEquals(0, count("//config[@name='default-config']/java-config/jvm-options[starts-with(., '-Dsignet.')]"));
        assertFalse(LoopbackDomain.apply(domainXml, PORTS, List.of("-Dsignet.scheme=canonical-nonce")));
    }

    @Test
    void portBaseThatReachesTheEphemeralRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DomainPorts(32700));
        assertThrows(IllegalArgumentException.class, () -> new DomainPorts(80));
    }

    private String value(String expression) throws Exception {
        List<String> found = values(expression);
        assertEquals(1, found.size(), () -> expression + " matched " + found);
        return found.get(0);
    }

    private int count(String expression) throws Exception {
        return values(expression).size();
    }

    private List<String> values(String expression) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(domainXml.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }
}
