// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.server.hotrod.HotRodServer;
import org.infinispan.server.hotrod.configuration.HotRodServerConfiguration;
import org.infinispan.server.hotrod.configuration.HotRodServerConfigurationBuilder;

/**
 * One Infinispan Server node of {@link HotRodTestCluster}, in a JVM of its own: a cache manager from
 * {@link HotRodTestCluster#SERVER_XML} clustered over JGroups TCP on loopback, behind a Hot Rod endpoint.
 * Arguments: {@code NAME JGROUPS_PORT JGROUPS_HOSTS CLUSTER HOTROD_PORT}. Prints {@link #READY} when it
 * serves, then takes one command a line on standard input and answers each with one {@link #ANSWER} line:
 * {@code stop-endpoint}, {@code start-endpoint} (the node and its data stay), {@code size CACHE},
 * {@code contains CACHE KEY}. End of input stops it gracefully.
 */
public final class HotRodServerMain {

    static final String READY = "SIGNET-HOTROD-READY ";
    static final String ANSWER = "SIGNET-HOTROD-ANSWER ";

    private HotRodServerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Properties properties = new Properties();
        properties.setProperty("signet.jgroups.port", args[1]);
        properties.setProperty("signet.jgroups.hosts", args[2]);
        properties.setProperty("signet.jgroups.cluster", args[3]);
        URL xml = HotRodServerMain.class.getClassLoader().getResource(HotRodTestCluster.SERVER_XML);
        ConfigurationBuilderHolder holder = new ParserRegistry(HotRodServerMain.class.getClassLoader(), false, properties).parse(xml);
        holder.getGlobalConfigurationBuilder().cacheContainer().name(args[0]);
        holder.getGlobalConfigurationBuilder().jmx().disable();
        EmbeddedCacheManager node = new DefaultCacheManager(holder, true);
        HotRodServerConfiguration endpoint = new HotRodServerConfigurationBuilder().host("127.0.0.1")
                .port(Integer.parseInt(args[4])).defaultCacheName("signet-nonces").build();
        HotRodServer server = new HotRodServer();
        server.start(endpoint, node);
        out.println(READY + endpoint.port());
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ", -1);
            String answer;
            try {
                answer = switch (words[0]) {
                    case "stop-endpoint" -> {
                        if (server != null) {
                            server.stop();
                            server = null;
                        }
                        yield "stopped";
                    }
                    case "start-endpoint" -> {
                        if (server == null) {
                            server = new HotRodServer();
                            server.start(endpoint, node);
                        }
                        yield "started";
                    }
                    case "size" -> String.valueOf(node.getCache(words[1]).size());
                    case "contains" -> String.valueOf(node.getCache(words[1]).containsKey(words[2]));
                    default -> "unknown command " + words[0];
                };
            } catch (RuntimeException e) {
                answer = "error " + e;
            }
            out.println(ANSWER + answer);
            out.flush();
        }
        if (server != null) {
            server.stop();
        }
        node.stop();
        System.exit(0);
    }
}
