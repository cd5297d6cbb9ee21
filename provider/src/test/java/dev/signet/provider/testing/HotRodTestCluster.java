// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.server.hotrod.HotRodServer;
import org.infinispan.server.hotrod.configuration.HotRodServerConfiguration;
import org.infinispan.server.hotrod.configuration.HotRodServerConfigurationBuilder;

/**
 * What an Infinispan Server cluster is to Signet, started in the test JVM on loopback: {@code n} cache
 * managers clustered over JGroups TCP, with the caches the README tells operators to define
 * ({@code infinispan-server/signet-caches.xml}, each node with its own ports), each behind a Hot Rod
 * endpoint ({@code infinispan-server-hotrod}, the endpoint the Infinispan Server distribution runs). An
 * endpoint can be stopped and started again while its node keeps the data.
 */
public final class HotRodTestCluster implements AutoCloseable {

    public static final String SERVER_XML = "infinispan-server/signet-caches.xml";

    private final List<EmbeddedCacheManager> nodes = new ArrayList<>();
    private final List<HotRodServerConfiguration> endpoints = new ArrayList<>();
    private final List<HotRodServer> servers = new ArrayList<>();

    private HotRodTestCluster() {
    }

    public static HotRodTestCluster start(int size) {
        HotRodTestCluster cluster = new HotRodTestCluster();
        try {
            List<Integer> jgroups = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                jgroups.add(LoopbackPorts.freeWithOffset(50));
            }
            String hosts = jgroups.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
            String name = "signet-hotrod-" + System.nanoTime();
            for (int i = 0; i < size; i++) {
                Properties properties = new Properties();
                properties.setProperty("signet.jgroups.port", String.valueOf(jgroups.get(i)));
                properties.setProperty("signet.jgroups.hosts", hosts);
                properties.setProperty("signet.jgroups.cluster", name);
                URL xml = HotRodTestCluster.class.getClassLoader().getResource(SERVER_XML);
                ConfigurationBuilderHolder holder = new ParserRegistry(HotRodTestCluster.class.getClassLoader(), false, properties)
                        .parse(xml);
                holder.getGlobalConfigurationBuilder().cacheContainer().name("signet-hotrod-" + i);
                holder.getGlobalConfigurationBuilder().jmx().disable();
                EmbeddedCacheManager node = new DefaultCacheManager(holder, true);
                cluster.nodes.add(node);
                HotRodServerConfiguration endpoint = new HotRodServerConfigurationBuilder().host("127.0.0.1")
                        .port(LoopbackPorts.free()).defaultCacheName("signet-nonces").build();
                cluster.endpoints.add(endpoint);
                cluster.servers.add(null);
                cluster.startEndpoint(i);
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code hotrod://127.0.0.1:p1,127.0.0.1:p2}, plus {@code query} when not empty. */
    public String uri(String query) {
        return "hotrod://" + endpoints.stream().map(e -> "127.0.0.1:" + e.port()).collect(Collectors.joining(","))
                + (query.isEmpty() ? "" : "?" + query);
    }

    public void stopEndpoint(int i) {
        HotRodServer server = servers.set(i, null);
        if (server != null) {
            server.stop();
        }
    }

    /** Starts endpoint {@code i} again on its port, over the same node (its data kept). */
    public void startEndpoint(int i) {
        if (servers.get(i) == null) {
            HotRodServer server = new HotRodServer();
            server.start(endpoints.get(i), nodes.get(i));
            servers.set(i, server);
        }
    }

    public int size() {
        return nodes.size();
    }

    public EmbeddedCacheManager node(int i) {
        return nodes.get(i);
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.size(); i++) {
            try {
                stopEndpoint(i);
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }
}
