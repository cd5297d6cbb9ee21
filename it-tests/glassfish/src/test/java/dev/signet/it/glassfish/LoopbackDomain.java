// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Makes a GlassFish domain listen on 127.0.0.1 only, on ports derived from one base, without a JMS broker.
 *
 * <p>Out of the box every listener binds 0.0.0.0 and an embedded JMS broker opens 7676. The tests must
 * send and accept traffic on loopback only, and a second domain must fit beside this one. GlassFish
 * rewrites domain.xml on every start and stop, so this runs before every test run and sets absolute
 * values: running it twice changes nothing.
 *
 * <p>Run by the build in pre-integration-test:
 * {@code LoopbackDomain <domain.xml> <port base> <ports.properties> <property prefix> [-Dname=value ...]}.
 * The {@code -D} options become JVM options of the server: the way an operator gives an application its
 * settings. The ports file is merged, so several domains can write their ports to one file.
 */
public final class LoopbackDomain {

    static final String LOOPBACK = "127.0.0.1";

    private static final Pattern DEBUG_ADDRESS = Pattern.compile("address=[^,\\s]*");
    private static final Pattern OSGI_SHELL_PORT = Pattern.compile("-Dosgi\\.shell\\.telnet\\.port=.*");

    private final Document domain;
    private final DomainPorts ports;
    private final List<String> jvmOptions;
    private boolean changed;

    LoopbackDomain(Document domain, DomainPorts ports, List<String> jvmOptions) {
        this.domain = domain;
        this.ports = ports;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                "usage: LoopbackDomain <domain.xml> <port base> <ports.properties> <property prefix> [-Dname=value ...]");
        }
        Path domainXml = Path.of(args[0]);
        DomainPorts ports = new DomainPorts(Integer.parseInt(args[1]));
        boolean changed = apply(domainXml, ports, List.of(args).subList(4, args.length));
        writeProperties(Path.of(args[2]), ports.asProperties(args[3]));
        System.out.printf("LoopbackDomain: %s %s, listeners on %s, ports from base %d (admin %d, http %d)%n",
            domainXml, changed ? "edited" : "already set", LOOPBACK, ports.base(), ports.admin(), ports.http());
    }

    /** Edits the file in place; answers whether anything had to change. */
    public static boolean apply(Path domainXml, DomainPorts ports) throws Exception {
        return apply(domainXml, ports, List.of());
    }

    /** As {@link #apply(Path, DomainPorts)}, and sets each {@code -Dname=value} as a JVM option of the server. */
    public static boolean apply(Path domainXml, DomainPorts ports, List<String> jvmOptions) throws Exception {
        Document document = parse(domainXml);
        LoopbackDomain edit = new LoopbackDomain(document, ports, jvmOptions);
        edit.apply();
        if (edit.changed) {
            Path next = domainXml.resolveSibling(domainXml.getFileName() + ".loopback");
            Files.writeString(next, serialize(document), StandardCharsets.UTF_8);
            Files.move(next, domainXml, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return edit.changed;
    }

    void apply() {
        // Every config gets loopback addresses (default-config is the template for any new instance);
        // only the running server's config gets this domain's ports, the others keep their ${...} ports.
        String serverConfig = serverConfigName();
        for (Element config : elements(domain.getDocumentElement(), "config")) {
            boolean runsTheServer = config.getAttribute("name").equals(serverConfig);
            bindToLoopback(config, runsTheServer);
            disableJms(config);
            if (runsTheServer) {
                assignPorts(config);
                setJvmOptions(config);
                raiseHttpThreadPool(config);
            }
        }
    }

    private String serverConfigName() {
        for (Element server : elements(domain.getDocumentElement(), "server")) {
            if (server.getAttribute("name").equals("server")) {
                return server.getAttribute("config-ref");
            }
        }
        throw new IllegalStateException("domain.xml has no <server name=\"server\">");
    }

    private void bindToLoopback(Element config, boolean runsTheServer) {
        for (String listener : List.of("network-listener", "iiop-listener", "jmx-connector")) {
            for (Element element : elements(config, listener)) {
                set(element, "address", LOOPBACK);
            }
        }
        for (Element javaConfig : elements(config, "java-config")) {
            String debug = javaConfig.getAttribute("debug-options");
            // "address=*:9009" would listen everywhere when a developer starts the domain with --debug.
            set(javaConfig, "debug-options", DEBUG_ADDRESS.matcher(debug).replaceAll(
                Matcher.quoteReplacement("address=" + LOOPBACK + ":" + debugPort(runsTheServer, debug))));
        }
    }

    private String debugPort(boolean runsTheServer, String debugOptions) {
        if (runsTheServer) {
            return String.valueOf(ports.debugger());
        }
        Matcher address = DEBUG_ADDRESS.matcher(debugOptions);
        if (!address.find()) {
            return "${JAVA_DEBUGGER_PORT}";
        }
        String value = address.group().substring("address=".length());
        return value.substring(value.lastIndexOf(':') + 1);
    }

    /**
     * GlassFish's http-thread-pool holds 5 threads unless told otherwise, so 64 copies of a request sent at
     * once would mostly wait in its queue, not race. The cluster tests need them in flight together.
     */
    static final int HTTP_THREADS_MIN = 64;
    static final int HTTP_THREADS_MAX = 128;

    private void raiseHttpThreadPool(Element config) {
        List<Element> pools = directChildren(config, "thread-pools");
        Element container;
        if (pools.isEmpty()) {
            container = domain.createElement("thread-pools");
            config.appendChild(container);
            changed = true;
        } else {
            container = pools.get(0);
        }
        Element http = directChildren(container, "thread-pool").stream()
            .filter(pool -> pool.getAttribute("name").equals("http-thread-pool")).findFirst().orElse(null);
        if (http == null) {
            http = domain.createElement("thread-pool");
            http.setAttribute("name", "http-thread-pool");
            container.appendChild(http);
            changed = true;
        }
        set(http, "min-thread-pool-size", String.valueOf(HTTP_THREADS_MIN));
        set(http, "max-thread-pool-size", String.valueOf(HTTP_THREADS_MAX));
    }

    private void disableJms(Element config) {
        // The server config of a fresh domain1 has no <jms-service> at all, which means an embedded broker.
        List<Element> services = elements(config, "jms-service");
        if (services.isEmpty()) {
            Element service = domain.createElement("jms-service");
            config.appendChild(service);
            services = List.of(service);
            changed = true;
        }
        for (Element service : services) {
            set(service, "type", "DISABLED");
        }
    }

    private void assignPorts(Element config) {
        Map<String, Integer> listenerPorts = Map.of(
            "admin-listener", ports.admin(),
            "http-listener-1", ports.http(),
            "http-listener-2", ports.https());
        for (Element listener : elements(config, "network-listener")) {
            Integer port = listenerPorts.get(listener.getAttribute("name"));
            if (port == null) {
                // Still loopback-only; its port is not derived from the base, so it may clash with another domain.
                System.out.println("LoopbackDomain: WARNING: network-listener " + listener.getAttribute("name")
                    + " keeps its port " + listener.getAttribute("port"));
                continue;
            }
            set(listener, "port", port.toString());
        }

        Map<String, Integer> iiopPorts = Map.of(
            "orb-listener-1", ports.iiop(),
            "SSL", ports.iiopSsl(),
            "SSL_MUTUALAUTH", ports.iiopMutualAuth());
        for (Element listener : elements(config, "iiop-listener")) {
            Integer port = iiopPorts.get(listener.getAttribute("id"));
            if (port == null) {
                // Still loopback-only; its port is not derived from the base, so it may clash with another domain.
                System.out.println("LoopbackDomain: WARNING: iiop-listener " + listener.getAttribute("id")
                    + " keeps its port " + listener.getAttribute("port"));
                continue;
            }
            set(listener, "port", port.toString());
        }

        for (Element connector : elements(config, "jmx-connector")) {
            set(connector, "port", String.valueOf(ports.jmx()));
        }
        for (Element property : directChildren(config, "system-property")) {
            if (property.getAttribute("name").equals("JMS_PROVIDER_PORT")) {
                set(property, "value", String.valueOf(ports.jms()));
            }
        }
        for (Element option : elements(config, "jvm-options")) {
            if (OSGI_SHELL_PORT.matcher(option.getTextContent()).matches()) {
                setText(option, "-Dosgi.shell.telnet.port=" + ports.osgiShell());
            }
        }
    }

    private void setJvmOptions(Element config) {
        for (String option : jvmOptions) {
            if (!option.startsWith("-D") || option.indexOf('=') < 0) {
                throw new IllegalArgumentException("not a -Dname=value option: " + option);
            }
            String name = option.substring(0, option.indexOf('=') + 1);
            for (Element javaConfig : elements(config, "java-config")) {
                List<Element> same = directChildren(javaConfig, "jvm-options").stream()
                    .filter(existing -> existing.getTextContent().startsWith(name))
                    .toList();
                if (same.size() == 1 && same.get(0).getTextContent().equals(option)) {
                    continue;
                }
                same.forEach(javaConfig::removeChild);
                Element added = domain.createElement("jvm-options");
                added.setTextContent(option);
                javaConfig.appendChild(added);
                changed = true;
            }
        }
    }

    private void set(Element element, String attribute, String value) {
        if (!element.getAttribute(attribute).equals(value)) {
            element.setAttribute(attribute, value);
            changed = true;
        }
    }

    private void setText(Element element, String text) {
        if (!element.getTextContent().equals(text)) {
            element.setTextContent(text);
            changed = true;
        }
    }

    private static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> found = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<Element> directChildren(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(file.toFile());
    }

    private static String serialize(Document document) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    /** Merges into the file: each domain writes its own prefix, and Failsafe reads one file. */
    private static void writeProperties(Path file, Map<String, String> properties) throws IOException {
        Map<String, String> merged = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    merged.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        merged.putAll(properties);
        StringBuilder text = new StringBuilder("# Written by LoopbackDomain; read by Failsafe as system properties.\n");
        merged.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
