// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.glassfish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second GlassFish domain of the same installation, driven with asadmin as an operator drives it: node B of
 * the cluster tests. Not an Arquillian container, because adapter 2.1.0 cannot stop a domain it was told the
 * name of, and a node that cannot be stopped on purpose cannot prove that the other node carries on.
 */
final class SecondDomain {

    private static final long COMMAND_TIMEOUT_SECONDS = 240;

    private final Path asadmin;
    private final Path domainsDir;
    private final String name;
    private final int adminPort;
    private boolean running;

    SecondDomain(Path glassfishHome, Path domainsDir, String name, int adminPort) {
        this.asadmin = glassfishHome.resolve("bin/asadmin");
        this.domainsDir = domainsDir;
        this.name = name;
        this.adminPort = adminPort;
    }

    /** domain2 as the build laid it out (LoopbackDomain already set its ports, loopback and JVM options). */
    static SecondDomain fromSystemProperties() {
        return new SecondDomain(Path.of(System.getProperty("glassfish.home")),
            Path.of(System.getProperty("glassfish.node-b.domains")), "domain2",
            Integer.parseInt(System.getProperty("glassfish.domain2.adminPort")));
    }

    boolean isRunning() {
        return running;
    }

    void start() throws IOException, InterruptedException {
        asadmin("start-domain", "--domaindir", domainsDir.toString(), name);
        running = true;
    }

    /** Deploys the archive under its own name as context root, as {@code asadmin deploy} of a WAR file does. */
    void deploy(WebArchive war) throws IOException, InterruptedException {
        Path file = domainsDir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        asadmin("--host", "127.0.0.1", "--port", String.valueOf(adminPort), "deploy", "--force=true", file.toString());
    }

    void stop() throws IOException, InterruptedException {
        if (running) {
            running = false;
            asadmin("stop-domain", "--domaindir", domainsDir.toString(), name);
        }
    }

    /**
     * {@code kill -9} of the domain's server JVM (its pid from {@code config/pid}): no shutdown, no goodbye to
     * the cluster. Answers the pid it killed. The domain is not running afterwards; {@link #stop()} then does
     * nothing, and {@link #start()} starts it again.
     */
    long kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle server = ProcessHandle.of(pid)
            .orElseThrow(() -> new IOException(name + ": no process " + pid + " (config/pid)"));
        running = false;
        if (!server.destroyForcibly()) {
            throw new IOException(name + ": SIGKILL of " + pid + " was not sent");
        }
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(name + ": process " + pid + " still alive 60 s after SIGKILL", e);
        }
        return pid;
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(domainsDir.resolve(name).resolve("config/pid")).trim());
    }

    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        Path log = domainsDir.resolve("asadmin.log");
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("asadmin " + arguments[0] + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed (" + process.exitValue() + "): "
                + Files.readString(log));
        }
    }
}
